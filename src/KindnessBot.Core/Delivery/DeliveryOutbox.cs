using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Delivery;

/// <summary>
/// The one way a feature reaches people without being asked: it records a message here, with its own idempotency
/// key, and gets on with its turn; a <see cref="DeliveryWorker"/> on some instance delivers it, once.
///
/// Recording is a queue message (only where the row is) and then the row, in that order: a process that stops
/// between the two leaves a queue message without a row, which a worker deletes once it is a minute old, while the
/// other order could leave a row nobody will ever deliver. A repeat with the same key finds the row there and changes
/// nothing (its queue message is deleted as a duplicate).
/// </summary>
public sealed partial class DeliveryOutbox(DeliveryStorage storage, OutboxStore outbox, DeliverySignal signal, TimeProvider time, ILogger<DeliveryOutbox> logger)
{
    /// <summary>Records a message for delivery. False when one with the same key was recorded before (it is delivered once either way).</summary>
    public async Task<bool> EnqueueAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var queue = request.Wave ? storage.WaveQueueFor(request.TenantId) : storage.Singles;
        await queue.SendMessageAsync(DeliveryRef.Of(request).ToJson(), cancellationToken);
        var added = await outbox.TryAddAsync(request, time.GetUtcNow(), cancellationToken);
        signal.Raise();
        return added;
    }

    /// <summary>
    /// A person has just started talking to the bot (or it was installed for them): what was parked for them, waiting for a
    /// chat, goes out now. Returns how many messages were woken.
    /// </summary>
    public async Task<int> WakeAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        var woken = 0;
        foreach (var parked in await outbox.ForPersonAsync(tenantId, personId, DeliveryState.Parked, cancellationToken))
        {
            if (await outbox.TryUpdateAsync(parked, parked.ETag, cancellationToken, ("State", nameof(DeliveryState.Waiting)), ("Reason", "")) is null)
            {
                continue; // woken by another turn meanwhile
            }

            await storage.Singles.SendMessageAsync(DeliveryRef.Of(parked.Request).ToJson(), cancellationToken);
            woken++;
        }

        if (woken > 0)
        {
            signal.Raise();
            LogWoken(logger, woken);
        }

        return woken;
    }

    private static void Validate(DeliveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.TenantId);
        ArgumentException.ThrowIfNullOrEmpty(request.Kind);
        ArgumentException.ThrowIfNullOrEmpty(request.To.Id);
        if (request.Key.Length is 0 or > DeliveryRequest.MaxKeyLength || request.Payload.Length > DeliveryRequest.MaxPayloadLength)
        {
            throw new ArgumentException("A delivery key is 1 to 300 characters and a payload at most 16,000.", nameof(request));
        }

        if (request.To.Kind == RecipientKind.Sealed && request.AadObjectId is not null)
        {
            throw new ArgumentException("A message to a sealed address carries nothing that says who it is for.", nameof(request));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} messages that waited for someone's first conversation with the bot are on their way")]
    private static partial void LogWoken(ILogger logger, int count);
}
