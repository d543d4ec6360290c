using System.Collections.Concurrent;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Core.Tests.Permissions;

/// <summary>Stands in for Teams: records what would be posted, updated and reminded, and can refuse posts as Teams does.</summary>
public sealed class RecordingNotifier : IPermissionNotifier
{
    private int _posted;
    private int _toRefuse;

    public ConcurrentQueue<PermissionStatement> Posted { get; } = new();

    public ConcurrentQueue<PermissionStatement> Updated { get; } = new();

    public ConcurrentQueue<FlexDecision> Stories { get; } = new();

    public ConcurrentQueue<PermissionStatement> Reminded { get; } = new();

    /// <summary>The next <paramref name="count"/> statement posts fail, as when Teams answers 503.</summary>
    public void RefuseNextPosts(int count) => Interlocked.Exchange(ref _toRefuse, count);

    public Task<string?> PostAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _toRefuse) >= 0)
        {
            throw new HttpRequestException("Teams refused the post (503).");
        }

        Posted.Enqueue(statement);
        return Task.FromResult<string?>("posted-" + Interlocked.Increment(ref _posted));
    }

    public Task UpdateAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken)
    {
        Updated.Enqueue(statement);
        return Task.CompletedTask;
    }

    public Task PostStoryAsync(FlexDecision decision, PermissionStatement? statement, ConversationRecord where, CancellationToken cancellationToken)
    {
        Stories.Enqueue(decision);
        return Task.CompletedTask;
    }

    public Task RemindAsync(PermissionStatement statement, ConversationRecord leaderChat, CancellationToken cancellationToken)
    {
        Reminded.Enqueue(statement);
        return Task.CompletedTask;
    }
}
