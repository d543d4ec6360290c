using System.Collections.Concurrent;
using System.Net.Http.Json;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;

namespace KindnessBot.FanOutBench;

/// <summary>
/// Posts a message as the bot would (POST /v3/conversations/{id}/activities, naming the tenant as the Bot Framework
/// does), with a plain text body instead of the card, and turns the answer into an outcome (Retry-After kept for the
/// worker). No retries here: the worker retries through the queue. It also checks what the bench is judged on: a nudge
/// posted while its person is in their quiet hours (by the settings the bench gave them), and each delivered message's
/// delay from enqueue to delivery.
/// </summary>
internal sealed class HttpDeliverySender(HttpClient http, Uri serviceUrl, QuietHours quiet, IReadOnlyDictionary<(string Tenant, string Person), NudgeSettings> settings) : IDeliverySender
{
    private long _quietHourDeliveries;

    /// <summary>Delivered messages (a digest delivers several in one post): tenant and key → delay from enqueue to delivery.</summary>
    public ConcurrentDictionary<(string Tenant, string Key), TimeSpan> Delivered { get; } = new();

    /// <summary>Nudges delivered while their person was in quiet hours (or paused): target 0.</summary>
    public long QuietHourDeliveries => Interlocked.Read(ref _quietHourDeliveries);

    public async Task<DeliveryAttempt> SendAsync(ConversationRecord conversation, IReadOnlyList<OutboxEntry> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(messages);
        var uri = new Uri(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversation.ConversationId)}/activities");
        var body = new
        {
            type = "message",
            text = string.Join('\n', messages.Select(m => m.Kind)),
            conversation = new { id = conversation.ConversationId, tenantId = conversation.TenantId },
        };
        using var response = await http.PostAsJsonAsync(uri, body, cancellationToken);
        var status = (int)response.StatusCode;
        switch (SendOutcome.Classify(status))
        {
            case SendResult.Sent:
                var created = await response.Content.ReadFromJsonAsync<Created>(cancellationToken);
                var now = DateTimeOffset.UtcNow;
                foreach (var m in messages)
                {
                    Delivered[(m.TenantId, m.Key)] = now - m.EnqueuedAt;
                    if (m.Request.Nudge && m.Request.To.Kind == RecipientKind.Person
                        && settings.TryGetValue((m.TenantId, m.Request.To.Id), out var mine) && quiet.NextAllowed(mine, now) > now)
                    {
                        Interlocked.Increment(ref _quietHourDeliveries);
                    }
                }

                return new DeliveryAttempt(SendOutcome.Delivered(created?.Id ?? ""));
            case SendResult.Transient:
                return new DeliveryAttempt(SendOutcome.TryLater($"HTTP {status}", response.Headers.RetryAfter?.Delta));
            default:
                return new DeliveryAttempt(SendOutcome.GiveUp($"HTTP {status}"));
        }
    }

    private sealed record Created(string Id);
}
