using Azure;

namespace KindnessBot.Core.Delivery;

/// <summary>A message as the outbox keeps it: the request, and what has become of it.</summary>
public sealed record OutboxEntry(DeliveryRequest Request, DeliveryState State, DateTimeOffset EnqueuedAt, ETag ETag)
{
    public int Attempts { get; init; }

    public DateTimeOffset? SendingUntil { get; init; }

    public string? ActivityId { get; init; }

    public DateTimeOffset? SettledAt { get; init; }

    /// <summary>Why it waits, was dropped or failed (for admins; never message text).</summary>
    public string? Reason { get; init; }

    public string TenantId => Request.TenantId;

    public string Key => Request.Key;

    public string Kind => Request.Kind;

    public bool IsSettled => State is DeliveryState.Sent or DeliveryState.Dropped or DeliveryState.Failed;
}
