using System.Collections.Concurrent;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Core.Tests.Delivery;

/// <summary>
/// Stands in for Teams: counts what was posted to each conversation and each message key. <paramref name="behaviour"/>
/// may answer an attempt (the attempt number for that conversation, from 1) with a failure instead of posting.
/// </summary>
internal sealed class FakeDeliverySender(Func<OutboxEntry, int, SendOutcome?>? behaviour = null) : IDeliverySender
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    /// <summary>Posts per conversation.</summary>
    public ConcurrentDictionary<string, int> Posts { get; } = new();

    /// <summary>Deliveries per tenant and message key ("{tenant}|{key}"; a digest delivers several in one post).</summary>
    public ConcurrentDictionary<string, int> Delivered { get; } = new();

    /// <summary>Each post: when (by the given clock), where, and the keys it carried.</summary>
    public ConcurrentQueue<(DateTimeOffset At, string ConversationId, IReadOnlyList<string> Keys)> Log { get; } = new();

    public int TotalPosts => Posts.Values.Sum();

    public Func<Task>? BeforeEachSend { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Keys whose cause is "not stored yet" (the renderer would wait).</summary>
    public ConcurrentDictionary<string, bool> NotYet { get; } = new();

    public async Task<DeliveryAttempt> SendAsync(ConversationRecord conversation, IReadOnlyList<OutboxEntry> messages, CancellationToken cancellationToken)
    {
        if (BeforeEachSend is { } before)
        {
            await before();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var waiting = messages.Where(m => NotYet.ContainsKey(m.Key)).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var sent = messages.Where(m => !waiting.Contains(m.Key)).ToList();
        if (sent.Count == 0)
        {
            return new DeliveryAttempt(SendOutcome.Nothing) { NotYet = waiting };
        }

        var attempt = _attempts.AddOrUpdate(conversation.ConversationId, 1, (_, n) => n + 1);
        if (behaviour?.Invoke(sent[0], attempt) is { } failure)
        {
            return new DeliveryAttempt(failure) { NotYet = waiting };
        }

        Posts.AddOrUpdate(conversation.ConversationId, 1, (_, n) => n + 1);
        foreach (var m in sent)
        {
            Delivered.AddOrUpdate(m.TenantId + "|" + m.Key, 1, (_, n) => n + 1);
        }

        Log.Enqueue((Clock.GetUtcNow(), conversation.ConversationId, [.. sent.Select(m => m.Key)]));
        return new DeliveryAttempt(SendOutcome.Delivered("activity-" + Guid.NewGuid().ToString("N"))) { NotYet = waiting };
    }
}
