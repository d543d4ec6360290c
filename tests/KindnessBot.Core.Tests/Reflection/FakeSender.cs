using System.Collections.Concurrent;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Core.Tests.Reflection;

/// <summary>
/// Stands in for Teams: counts what was posted to each conversation. <paramref name="behaviour"/> may answer an
/// attempt (the attempt number for that conversation, from 1) with a failure instead of posting.
/// </summary>
internal sealed class FakeSender(Func<PromptMessage, int, SendOutcome?>? behaviour = null) : IPromptSender
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public ConcurrentDictionary<string, int> Posts { get; } = new();

    public int TotalPosts => Posts.Values.Sum();

    public Func<Task>? BeforeEachSend { get; set; }

    public async Task<SendOutcome> SendAsync(PromptMessage prompt, CancellationToken cancellationToken)
    {
        if (BeforeEachSend is { } before)
        {
            await before();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var attempt = _attempts.AddOrUpdate(prompt.ConversationId, 1, (_, n) => n + 1);
        if (behaviour?.Invoke(prompt, attempt) is { } failure)
        {
            return failure;
        }

        Posts.AddOrUpdate(prompt.ConversationId, 1, (_, n) => n + 1);
        return SendOutcome.Delivered("activity-" + Guid.NewGuid().ToString("N"));
    }
}
