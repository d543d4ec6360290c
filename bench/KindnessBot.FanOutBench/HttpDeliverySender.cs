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
    private long _cutOff;

    /// <summary>Delivered messages (a digest delivers several in one post): tenant and key → delay from enqueue to delivery.</summary>
    public ConcurrentDictionary<(string Tenant, string Key), TimeSpan> Delivered { get; } = new();

    /// <summary>Messages posted a second time (what the connector counts as duplicates), with the attempt that repeated it.</summary>
    public ConcurrentQueue<string> Repeats { get; } = new();

    /// <summary>When set, every attempt for a tenant other than this one is noted in <see cref="Trace"/> (FANOUT_TRACE=1).</summary>
    public string? Traced { get; set; }

    public ConcurrentQueue<string> Trace { get; } = new();

    /// <summary>Posts that ended without an answer (cut off at the lease's end, timed out, connection dropped): the worker tries again.</summary>
    public long CutOff => Interlocked.Read(ref _cutOff);

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
        if (Traced is { } traced && messages.Any(m => m.TenantId != traced))
        {
            foreach (var m in messages)
            {
                Trace.Enqueue(FormattableString.Invariant($"{m.TenantId}|{m.Key} attempt {m.Attempts} sent {(DateTimeOffset.UtcNow - m.EnqueuedAt).TotalMilliseconds:F0} ms after enqueue"));
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(uri, body, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            Interlocked.Increment(ref _cutOff); // the worker counts it as transient and tries again
            throw;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            switch (SendOutcome.Classify(status))
            {
                case SendResult.Sent:
                    // Accepted: recorded whatever happens next (reading the id is not allowed to turn a post into a retry).
                    var now = DateTimeOffset.UtcNow;
                    foreach (var m in messages)
                    {
                        var first = Delivered.TryAdd((m.TenantId, m.Key), now - m.EnqueuedAt);
                        if (!first)
                        {
                            Repeats.Enqueue(FormattableString.Invariant($"{m.TenantId}|{m.Key} again at attempt {m.Attempts}, {now - m.EnqueuedAt:g} after enqueue"));
                        }

                        if (m.Request.Nudge && m.Request.To.Kind == RecipientKind.Person
                            && settings.TryGetValue((m.TenantId, m.Request.To.Id), out var mine) && quiet.NextAllowed(mine, now) > now)
                        {
                            Interlocked.Increment(ref _quietHourDeliveries);
                        }
                    }

                    var created = await response.Content.ReadFromJsonAsync<Created>(CancellationToken.None);
                    return new DeliveryAttempt(SendOutcome.Delivered(created?.Id ?? ""));
                case SendResult.Transient:
                    return new DeliveryAttempt(SendOutcome.TryLater($"HTTP {status}", response.Headers.RetryAfter?.Delta));
                default:
                    return new DeliveryAttempt(SendOutcome.GiveUp($"HTTP {status}"));
            }
        }
    }

    private sealed record Created(string Id);
}
