using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Delivery;

/// <summary>
/// Takes messages off the delivery queues and delivers them, within Teams' limits, never twice.
///
/// For each queue message: read the message's row; if it is settled (sent, dropped, failed), delete the queue message.
/// Otherwise find where it goes (a person's own chat; parked until they talk to the bot if they have none), ask the
/// <see cref="NudgeGate"/> whether a nudge may go now (quiet hours, pause, opt-out, one a day, folded into a digest),
/// take a send lease on the row (ETag-conditional, so no other worker sends it meanwhile), wait for a fleet-wide send
/// slot (<see cref="FleetSendPacer"/>) and the conversation's limits (<see cref="ConversationPacer"/>), send, record
/// the outcome, delete the queue message. A transient failure (429 with Retry-After, 412, 502, 503, 504) releases the
/// lease and hides the queue message for the backoff, so the retry survives a restart and may be taken by any worker.
/// After <see cref="DeliveryOptions.MaxAttempts"/> attempts, or a permanent failure (403, 404: the bot removed, the
/// person left), the message is marked Failed (for that recipient only), a copy of its reference goes to the poison
/// queue and its feature is told. The one gap no storage can close: a process killed after Teams accepted a post
/// and before the outcome was written; its lease expires and another worker posts it again.
/// </summary>
public sealed partial class DeliveryWorker(
    DeliveryStorage storage,
    OutboxStore outbox,
    DeliveryRoute route,
    NudgeGate gate,
    FleetSendPacer fleet,
    ConversationPacer conversations,
    IDeliverySender sender,
    DeliveryReactions reactions,
    DeliverySignal signal,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger,
    string instanceId)
{
    // A queue message whose row is not there a minute after it was queued was never recorded (its sender stopped).
    private static readonly TimeSpan OrphanAfter = TimeSpan.FromMinutes(1);

    private int _nextWave;
    private int _wavesInFlight;

    /// <summary>Handles messages until cancelled. In-flight sends finish recording before it returns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var capacity = new SemaphoreSlim(options.WorkerConcurrency);
        var waveCapacity = Math.Max(1, options.WorkerConcurrency - options.ReservedForSingles);
        var running = new List<Task>();

        // The singles queue is read first, then again after every wave receive that found work and after every round
        // of the wave shards; an idle worker waits after one round (1 + shards receives), longer each idle round up to
        // MaxIdlePoll, and a message queued on this instance wakes it at once.
        var pollSingles = true;
        var idleWait = options.IdlePoll;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await capacity.WaitAsync(cancellationToken);
                var free = capacity.CurrentCount + 1;
                var queue = storage.Singles;
                var messages = pollSingles ? await ReceiveAsync(queue, free, cancellationToken) : [];
                pollSingles = messages.Length > 0;
                var wave = false;
                var waveRoom = waveCapacity - Volatile.Read(ref _wavesInFlight);
                if (messages.Length == 0 && waveRoom > 0)
                {
                    queue = storage.Waves[_nextWave++ % storage.Waves.Count];
                    messages = await ReceiveAsync(queue, Math.Min(free, waveRoom), cancellationToken);
                    wave = true;
                    pollSingles = messages.Length > 0 || _nextWave % storage.Waves.Count == 0;
                }

                if (messages.Length == 0)
                {
                    capacity.Release();
                    if (waveRoom <= 0 || _nextWave % storage.Waves.Count == 0)
                    {
                        await signal.WaitAsync(idleWait, time, cancellationToken); // every queue looked at once
                        idleWait = waveRoom <= 0 ? options.IdlePoll : TimeSpan.FromTicks(Math.Min(idleWait.Ticks * 2, Math.Max(options.IdlePoll.Ticks, options.MaxIdlePoll.Ticks)));
                        pollSingles = true;
                    }

                    continue;
                }

                idleWait = options.IdlePoll;
                for (var i = 1; i < messages.Length; i++)
                {
                    await capacity.WaitAsync(cancellationToken);
                }

                running.RemoveAll(t => t.IsCompleted);
                foreach (var message in messages)
                {
                    running.Add(HandleAndReleaseAsync(queue, message, wave, capacity, cancellationToken));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    private async Task<QueueMessage[]> ReceiveAsync(QueueClient queue, int max, CancellationToken cancellationToken) =>
        await queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), options.VisibilityTimeout, cancellationToken);

    private async Task HandleAndReleaseAsync(QueueClient queue, QueueMessage message, bool wave, SemaphoreSlim capacity, CancellationToken cancellationToken)
    {
        if (wave)
        {
            Interlocked.Increment(ref _wavesInFlight);
        }

        try
        {
            await HandleAsync(queue, message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the message reappears after its visibility timeout and the lease (if any) expires.
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or TimeoutException)
        {
            LogStorageTrouble(logger, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fault of ours: logged, and the message comes back after its visibility timeout like any unfinished
            // one; poisoned once it keeps coming back.
            LogUnexpected(logger, ex);
        }
        finally
        {
            if (wave)
            {
                Interlocked.Decrement(ref _wavesInFlight);
            }

            capacity.Release();
        }
    }

    /// <summary>Handles one message taken from the singles queue (for tests that drive a worker step by step).</summary>
    public Task HandleAsync(QueueMessage message, CancellationToken cancellationToken) => HandleAsync(storage.Singles, message, cancellationToken);

    /// <summary>Handles one message taken from <paramref name="queue"/> (tests and benchmarks that drive a worker step by step).</summary>
    public async Task HandleAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(message);
        var at = DeliveryRef.FromJson(message.MessageText);
        var entry = at is null ? null : await outbox.FindAsync(at, cancellationToken);
        var now = time.GetUtcNow();
        if (at is null || message.DequeueCount > options.MaxAttempts * 4)
        {
            await PoisonAsync(queue, message, entry, "Not a message this worker can deliver, or one that keeps coming back.");
            return;
        }

        if (entry is null)
        {
            if (message.InsertedOn is { } queued && now - queued > OrphanAfter)
            {
                await DeleteAsync(queue, message); // recorded on the queue only: its sender stopped before the row
            }
            else
            {
                await HideAsync(queue, message, TimeSpan.FromSeconds(2), cancellationToken);
            }

            return;
        }

        if (entry.IsSettled || entry.State == DeliveryState.Parked)
        {
            await DeleteAsync(queue, message); // delivered (or settled) already, or waiting to be woken: never twice
            return;
        }

        if (entry.Request.ExpiresAt <= now)
        {
            await SettleAsync(entry, DeliveryState.Dropped, "Expired before it could be delivered.", null);
            await DeleteAsync(queue, message);
            return;
        }

        if (entry.State == DeliveryState.Sending && entry.SendingUntil is { } until && until > now)
        {
            await HideAsync(queue, message, until - now, cancellationToken); // another handler (here or elsewhere) has it
            return;
        }

        var where = await route.FindAsync(entry, cancellationToken);
        if (where.Conversation is not { } conversation)
        {
            if (where.Park)
            {
                await outbox.TryUpdateAsync(entry, entry.ETag, cancellationToken, ("State", nameof(DeliveryState.Parked)), ("Reason", where.Reason));
            }
            else
            {
                await SettleAsync(entry, DeliveryState.Failed, where.Reason ?? "Nowhere to deliver it.", null);
            }

            await DeleteAsync(queue, message);
            return;
        }

        var lease = await gate.LeaseAsync(entry, conversation, instanceId, cancellationToken);
        if (lease.Batch is not { Count: > 0 } batch)
        {
            if (lease.Dropped is { } dropped)
            {
                await SettleAsync(entry, DeliveryState.Dropped, dropped, null);
                await DeleteAsync(queue, message);
            }
            else
            {
                await HideAsync(queue, message, lease.WaitFor, cancellationToken);
            }

            return;
        }

        await SendAsync(queue, message, entry, conversation, batch, cancellationToken);
    }

    private async Task SendAsync(QueueClient queue, QueueMessage message, OutboxEntry entry, Conversations.ConversationRecord conversation, IReadOnlyList<OutboxEntry> batch, CancellationToken cancellationToken)
    {
        var leasedAt = time.GetUtcNow();
        while (true)
        {
            // The lease must outlast the send. If waiting has used half of it (a slow storage call, a busy machine),
            // renew it now, before taking a slot, so nothing slow comes between the slot and the send; if it cannot be
            // renewed, another handler has taken the message over: leave it.
            if (time.GetUtcNow() - leasedAt > options.SendLease / 2)
            {
                if (await gate.RenewAsync(batch, cancellationToken) is not { } renewed)
                {
                    return;
                }

                batch = renewed;
                leasedAt = time.GetUtcNow();
            }

            var at = await fleet.NextSlotAsync(entry.TenantId, cancellationToken);
            // A sealed recipient's chat gets no pacing record: it would say when that person was written to. One message
            // at a time to one chat is well inside Teams' per-conversation limit, and the fleet's pace still holds.
            if (entry.Request.To.Kind != RecipientKind.Sealed
                && await conversations.TryReserveAsync(entry.TenantId, conversation.ConversationId, at, cancellationToken) is { } retryAt)
            {
                await gate.ReleaseAsync(batch, "The conversation's own limit", cancellationToken);
                await HideAsync(queue, message, retryAt - time.GetUtcNow(), cancellationToken);
                return;
            }

            if (await fleet.WaitUntilAsync(entry.TenantId, at, cancellationToken))
            {
                break;
            }
        }

        DeliveryAttempt attempt;
        using var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A send still running when the lease ends could be repeated by another worker: it is cut off before then,
        // counting from when the lease was taken (waiting for the slot may have used some of it), never from now.
        var leaseLeft = leasedAt + (options.SendLease * 0.8) - time.GetUtcNow();
        if (leaseLeft <= TimeSpan.Zero)
        {
            // Waiting for the slot outlasted the lease (a storage pause): another worker may hold the message now. Never
            // send on a spent lease: CancelAfter(0) only cancels when a timer fires, which on a busy thread pool comes
            // after the post has left, and then both workers post it (seen in the fan-out bench). Give the lease back
            // (refused harmlessly if taken over) and let the queue message come back.
            await gate.ReleaseAsync(batch, "The lease ran out while waiting for a send slot.", CancellationToken.None);
            await HideAsync(queue, message, TimeSpan.Zero, CancellationToken.None);
            return;
        }

        sendTimeout.CancelAfter(leaseLeft);
        try
        {
            attempt = await sender.SendAsync(conversation, batch, sendTimeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            attempt = new DeliveryAttempt(SendOutcome.TryLater(ex.GetType().Name));
        }

        await SettleAllAsync(queue, message, entry, batch, attempt);
    }

    /// <summary>After a send: recorded whatever happens to the caller's token, so a stop never forgets a post.</summary>
    private async Task SettleAllAsync(QueueClient queue, QueueMessage message, OutboxEntry own, IReadOnlyList<OutboxEntry> batch, DeliveryAttempt attempt)
    {
        var none = CancellationToken.None;
        var now = time.GetUtcNow();
        var ownDone = false;
        var retry = TimeSpan.Zero;
        foreach (var entry in batch)
        {
            var isOwn = entry.Key == own.Key;
            if (attempt.Dropped.TryGetValue(entry.Key, out var why))
            {
                await SettleAsync(entry, DeliveryState.Dropped, why, null);
                ownDone |= isOwn;
            }
            else if (attempt.NotYet.Contains(entry.Key))
            {
                if (now - entry.EnqueuedAt > options.CauseGrace)
                {
                    await SettleAsync(entry, DeliveryState.Dropped, "What it was to announce never happened.", null);
                    ownDone |= isOwn;
                }
                else
                {
                    await gate.ReleaseAsync([entry], "Waiting for what it announces to be stored.", none);
                    retry = Backoff(entry.Attempts + 1, null);
                }
            }
            else
            {
                switch (attempt.Outcome.Result)
                {
                    case SendResult.Sent:
                        await SettleAsync(entry, DeliveryState.Sent, null, attempt.Outcome.ActivityId ?? "");
                        ownDone |= isOwn;
                        break;

                    case SendResult.Transient when entry.Attempts < options.MaxAttempts:
                        await gate.ReleaseAsync([entry], attempt.Outcome.Reason, none);
                        retry = Backoff(entry.Attempts, attempt.Outcome.RetryAfter);
                        break;

                    case SendResult.NothingSent:
                        ownDone |= isOwn;
                        break;

                    default:
                        await SettleAsync(entry, DeliveryState.Failed, attempt.Outcome.Reason ?? "Failed", null);
                        await storage.Poison.SendMessageAsync(DeliveryRef.Of(entry.Request).ToJson(), none);
                        ownDone |= isOwn;
                        break;
                }
            }
        }

        if (ownDone)
        {
            await DeleteAsync(queue, message);
        }
        else
        {
            await HideAsync(queue, message, retry, none);
        }
    }

    private async Task SettleAsync(OutboxEntry entry, DeliveryState state, string? reason, string? activityId)
    {
        var none = CancellationToken.None;
        await outbox.TryUpdateAsync(entry, Azure.ETag.All, none,
            ("State", state.ToString()), ("Reason", reason ?? ""), ("ActivityId", activityId), ("SettledAt", time.GetUtcNow()), ("SendingUntil", time.GetUtcNow()));
        if (state == DeliveryState.Sent)
        {
            await reactions.DeliveredAsync(entry, activityId, none);
        }
        else
        {
            if (state == DeliveryState.Failed)
            {
                LogFailed(logger, entry.Kind, entry.Attempts, reason ?? "");
            }

            await reactions.NotDeliveredAsync(entry, state, reason ?? "", none);
        }
    }

    /// <summary>Wait before attempt n + 1: exponential from the base, capped, never less than Retry-After.</summary>
    public TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = options.BaseBackoff * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        var wait = exponential < options.MaxBackoff ? exponential : options.MaxBackoff;
        return retryAfter is { } after && after > wait ? after : wait;
    }

    private async Task PoisonAsync(QueueClient queue, QueueMessage message, OutboxEntry? entry, string reason)
    {
        var none = CancellationToken.None;
        await storage.Poison.SendMessageAsync(message.MessageText, none);
        if (entry is { IsSettled: false })
        {
            await SettleAsync(entry, DeliveryState.Failed, reason, null);
        }
        else
        {
            LogNotOurs(logger, reason);
        }

        await DeleteAsync(queue, message);
    }

    private static async Task DeleteAsync(QueueClient queue, QueueMessage message)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // Its visibility ran out and another worker has it now; that worker will find the row settled.
        }
    }

    private static async Task HideAsync(QueueClient queue, QueueMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var seconds = TimeSpan.FromSeconds(Math.Clamp(Math.Ceiling(delay.TotalSeconds), 0, 7 * 24 * 3600));
        try
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: seconds, cancellationToken: cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A message failed unexpectedly on the delivery path; it will be tried again")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} message could not be delivered after {Attempts} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, string kind, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A queue message that is not ours went to the poison queue: {Reason}")]
    private static partial void LogNotOurs(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage trouble while delivering a message; it will be retried")]
    private static partial void LogStorageTrouble(ILogger logger, Exception exception);
}
