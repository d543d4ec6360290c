using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// Takes due prompts off the queue and posts them, within Teams' limits, never twice.
///
/// For each message: read the slot row; if it already has an activity id (or was skipped or failed), delete the
/// message. Otherwise take a send lease on the row (ETag-conditional), so no other worker sends it meanwhile;
/// wait for a fleet-wide send slot (<see cref="FleetSendPacer"/>) and the conversation's limits
/// (<see cref="ConversationPacer"/>); send; record the activity id; delete the message. A transient failure
/// (429 with Retry-After, 412, 502, 503, 504) releases the lease and hides the message for the backoff (its
/// visibility timeout), so the retry survives a restart and may be picked up by any worker. After
/// <see cref="ReflectionOptions.MaxAttempts"/> attempts, or a permanent failure, the prompt goes to the poison
/// queue and its row is marked Failed, which is what admins are shown. The one gap no storage can close: a
/// process killed after Teams accepted the message and before the activity id was written; its lease expiry
/// lets another worker post it again. Everything else (stops, crashes before sending, redelivery, duplicate
/// queue messages) is covered.
/// </summary>
public sealed partial class PromptWorker(
    ReflectionStorage storage,
    SlotStore slots,
    FleetSendPacer fleet,
    ConversationPacer conversations,
    IPromptSender sender,
    ReflectionOptions options,
    TimeProvider time,
    ILogger<PromptWorker> logger,
    string instanceId)
{
    private int _nextQueue;

    /// <summary>Handles prompts until cancelled. In-flight sends finish recording before it returns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var capacity = new SemaphoreSlim(options.WorkerConcurrency);
        var running = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await capacity.WaitAsync(cancellationToken);
                var free = capacity.CurrentCount + 1;
                var queue = storage.PromptQueues[_nextQueue++ % storage.PromptQueues.Count];
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(Math.Min(free, 32), options.VisibilityTimeout, cancellationToken);
                if (messages.Length == 0)
                {
                    capacity.Release();
                    if (_nextQueue % storage.PromptQueues.Count == 0)
                    {
                        await Task.Delay(options.IdlePoll, time, cancellationToken); // every shard looked at once
                    }

                    continue;
                }

                for (var i = 1; i < messages.Length; i++)
                {
                    await capacity.WaitAsync(cancellationToken);
                }

                running.RemoveAll(t => t.IsCompleted);
                foreach (var message in messages)
                {
                    running.Add(HandleAndReleaseAsync(queue, message, capacity, cancellationToken));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    private async Task HandleAndReleaseAsync(QueueClient queue, QueueMessage message, SemaphoreSlim capacity, CancellationToken cancellationToken)
    {
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
            // Anything else is a fault of ours: logged (it was lost before), and the prompt comes back after its
            // visibility timeout like any unfinished one; poisoned once it keeps coming back.
            LogUnexpected(logger, ex);
        }
        finally
        {
            capacity.Release();
        }
    }

    /// <summary>Handles one message dequeued from the first prompt queue (for tests that drive a worker step by step).</summary>
    public Task HandleAsync(QueueMessage message, CancellationToken cancellationToken) => HandleAsync(storage.Prompts, message, cancellationToken);

    private async Task HandleAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var prompt = PromptMessage.FromJson(message.MessageText);
        var slot = prompt is null ? null : await slots.FindAsync(prompt.TenantId, prompt.TeamId, prompt.Week, cancellationToken);
        if (prompt is null || slot is null || message.DequeueCount > options.MaxAttempts * 4)
        {
            await PoisonAsync(queue, message, prompt, slot, "Not a prompt this worker can send, or one that keeps coming back.");
            return;
        }

        if (slot.ActivityId is not null || slot.State is SlotState.Sent or SlotState.Skipped or SlotState.Failed)
        {
            await DeleteAsync(queue, message); // already posted (or settled): never twice
            return;
        }

        var now = time.GetUtcNow();
        if (now >= prompt.ClosesAt)
        {
            // Retried for so long that the prompt closed: posting it now would only ask for answers it must refuse.
            await slots.TryUpdateAsync(prompt, slot.ETag, cancellationToken, ("State", nameof(SlotState.Skipped)), ("Reason", "Closed before it could be sent."));
            await DeleteAsync(queue, message);
            return;
        }

        if (slot.State == SlotState.Sending && slot.SendingUntil is { } until && until > now)
        {
            await HideAsync(queue, message, until - now, cancellationToken); // another handler (here or elsewhere) is sending it
            return;
        }

        var lease = await slots.TryUpdateAsync(prompt, slot.ETag, cancellationToken,
            ("State", nameof(SlotState.Sending)), ("SendingBy", instanceId), ("SendingUntil", now + options.SendLease), ("Attempts", slot.Attempts + 1));
        if (lease is not { } leaseTag)
        {
            await HideAsync(queue, message, TimeSpan.FromSeconds(1), cancellationToken);
            return;
        }

        // Slot first, conversation check while the slot is still ahead, then send the moment it comes: nothing
        // slow (storage) sits between the slot and the request, so requests keep the slots' spacing.
        var leasedAt = now;
        while (true)
        {
            // The lease must outlast the send. If waiting has used half of it (a slow storage call, a busy machine),
            // renew it now, before taking a slot, so nothing slow comes between the slot and the send; if it cannot be
            // renewed, another handler has taken the prompt over: leave it.
            if (time.GetUtcNow() - leasedAt > options.SendLease / 2)
            {
                if (await slots.TryUpdateAsync(prompt, leaseTag, cancellationToken, ("SendingUntil", time.GetUtcNow() + options.SendLease)) is not { } renewed)
                {
                    return;
                }

                leaseTag = renewed;
                leasedAt = time.GetUtcNow();
            }

            var at = await fleet.NextSlotAsync(prompt.TenantId, cancellationToken);
            if (await conversations.TryReserveAsync(prompt.TenantId, prompt.ConversationId, at, cancellationToken) is { } retryAt)
            {
                await ReleaseAsync(prompt, leaseTag, "The conversation's own limit", cancellationToken);
                await HideAsync(queue, message, retryAt - time.GetUtcNow(), cancellationToken);
                return;
            }

            if (await fleet.WaitUntilAsync(prompt.TenantId, at, cancellationToken))
            {
                break;
            }
        }

        SendOutcome outcome;
        using var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A send still running when the lease ends could be repeated by another worker: it is cut off before then,
        // counting from when the lease was taken (waiting for the slot may have used some of it), never from now.
        var leaseLeft = leasedAt + (options.SendLease * 0.8) - time.GetUtcNow();
        sendTimeout.CancelAfter(leaseLeft > TimeSpan.Zero ? leaseLeft : TimeSpan.Zero);
        try
        {
            outcome = await sender.SendAsync(prompt, sendTimeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            outcome = SendOutcome.TryLater(ex.GetType().Name);
        }

        await SettleAsync(queue, message, prompt, slot.Attempts + 1, leaseTag, outcome);
    }

    /// <summary>After a send: recorded whatever happens to the caller's token, so a stop never forgets a post.</summary>
    private async Task SettleAsync(QueueClient queue, QueueMessage message, PromptMessage prompt, int attempts, Azure.ETag lease, SendOutcome outcome)
    {
        var none = CancellationToken.None;
        switch (outcome.Result)
        {
            case SendResult.Sent:
                await slots.TryUpdateAsync(prompt, Azure.ETag.All, none,
                    ("State", nameof(SlotState.Sent)), ("ActivityId", outcome.ActivityId ?? ""), ("SentAt", time.GetUtcNow()), ("SendingUntil", time.GetUtcNow()));
                await DeleteAsync(queue, message);
                break;

            case SendResult.Transient when attempts < options.MaxAttempts:
                await ReleaseAsync(prompt, lease, outcome.Reason, none);
                await HideAsync(queue, message, Backoff(attempts, outcome.RetryAfter), none);
                break;

            default:
                await PoisonAsync(queue, message, prompt, null, outcome.Reason ?? "Failed");
                break;
        }
    }

    /// <summary>Wait before attempt n + 1: exponential from the base, capped, never less than Retry-After.</summary>
    public TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = options.BaseBackoff * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        var wait = exponential < options.MaxBackoff ? exponential : options.MaxBackoff;
        return retryAfter is { } after && after > wait ? after : wait;
    }

    private async Task ReleaseAsync(PromptMessage prompt, Azure.ETag lease, string? reason, CancellationToken cancellationToken) =>
        await slots.TryUpdateAsync(prompt, lease, cancellationToken, ("State", nameof(SlotState.Enqueued)), ("SendingUntil", time.GetUtcNow()), ("Reason", reason ?? ""));

    private async Task PoisonAsync(QueueClient queue, QueueMessage message, PromptMessage? prompt, SlotRecord? slot, string reason)
    {
        var none = CancellationToken.None;
        await storage.Poison.SendMessageAsync(message.MessageText, none);
        if (prompt is not null)
        {
            await slots.TryUpdateAsync(prompt, Azure.ETag.All, none, ("State", nameof(SlotState.Failed)), ("Reason", reason), ("FailedAt", time.GetUtcNow()));
        }

        LogPoisoned(logger, prompt?.TenantId ?? "?", prompt?.Week ?? "?", slot?.Attempts ?? 0, reason);
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
            // Its visibility ran out and another worker has it now; that worker will find the slot settled.
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A reflection prompt failed unexpectedly; it will be tried again")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reflection prompt of week {Week} in tenant {TenantId} moved to the poison queue after {Attempts} attempts: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string tenantId, string week, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage trouble while handling a reflection prompt; it will be retried")]
    private static partial void LogStorageTrouble(ILogger logger, Exception exception);
}
