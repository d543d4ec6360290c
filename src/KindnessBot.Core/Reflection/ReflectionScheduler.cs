using KindnessBot.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// Finds the prompts that are due and hands each to the delivery path exactly once, however many instances sweep.
///
/// For each schedule it looks at the latest slot due by now (the week is the ISO week of the local due date).
/// The slot row is inserted with a conditional insert (<see cref="SlotStore"/>): the one instance whose insert
/// succeeds records the prompt on the delivery path (<see cref="DeliveryOutbox"/>, a wave, keyed by team and week) and marks the row Enqueued; the others get 409 and leave it. If the claiming
/// instance stopped between claim and enqueue, the row stays Claimed, and after
/// <see cref="ReflectionOptions.ClaimTimeout"/> another instance takes it over with an ETag-conditional write and
/// enqueues it (a second request with the same key is delivered once). A slot
/// found more than <see cref="ReflectionOptions.LateWindow"/> after it was due (downtime) is recorded as
/// skipped instead, as is the week before it if it came after the last handled one. Run a sweep every minute or so.
/// </summary>
public sealed partial class ReflectionScheduler(
    IScheduleStore schedules,
    SlotStore slots,
    DeliveryStorage delivery,
    DeliveryOutbox outbox,
    ReflectionOptions options,
    TimeProvider time,
    ILogger<ReflectionScheduler> logger,
    string instanceId)
{
    private int _budget;

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var counts = new int[4];
        var budget = int.MaxValue;
        if (options.MaxQueueDepth is { } cap)
        {
            var depth = 0;
            foreach (var queue in delivery.Waves)
            {
                depth += (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            }

            budget = cap - depth;
        }

        _budget = budget;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.SweepConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(schedules.ListAllAsync(cancellationToken), parallel, async (schedule, ct) =>
        {
            var (outcome, skippedPrevious) = await SweepOneAsync(schedule, ct);
            if (outcome is { } counted)
            {
                Interlocked.Increment(ref counts[(int)counted]);
            }

            if (skippedPrevious)
            {
                Interlocked.Increment(ref counts[(int)SlotOutcome.Skipped]);
            }
        });

        return new SweepResult(counts[(int)SlotOutcome.Enqueued], counts[(int)SlotOutcome.Skipped], counts[(int)SlotOutcome.Busy]);
    }

    private async Task<(SlotOutcome? Outcome, bool SkippedPrevious)> SweepOneAsync(ReflectionSchedule schedule, CancellationToken cancellationToken)
    {
        if (schedule.Paused || !ReflectionCalendar.TryFindZone(schedule.TimeZoneId, out _))
        {
            return (null, false);
        }

        var now = time.GetUtcNow();
        var slot = ReflectionCalendar.LatestSlot(schedule, now);
        if (slot.Due < schedule.CreatedAt || schedule.HandledThrough >= slot.Due)
        {
            return (null, false);
        }

        var previous = ReflectionCalendar.PreviousSlot(schedule, slot);
        var skippedPrevious = schedule.HandledThrough is { } handled && handled < previous.Due
            && await RecordSkippedAsync(schedule, previous, MissedReason(previous, now), now, cancellationToken);

        var outcome = await HandleAsync(schedule, slot, now, cancellationToken);
        if (outcome != SlotOutcome.Busy)
        {
            await schedules.MarkHandledAsync(schedule.TenantId, schedule.TeamId, slot.Due, cancellationToken);
        }

        return (outcome, skippedPrevious);
    }

    private async Task<SlotOutcome> HandleAsync(ReflectionSchedule schedule, PromptSlot slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (schedule.SkippedWeek == slot.Week)
        {
            return await RecordSkippedAsync(schedule, slot, "A leader skipped this week.", now, cancellationToken) ? SlotOutcome.Skipped : SlotOutcome.AlreadyHandled;
        }

        if (now - slot.Due > options.LateWindow)
        {
            return await RecordSkippedAsync(schedule, slot, MissedReason(slot, now), now, cancellationToken) ? SlotOutcome.Skipped : SlotOutcome.AlreadyHandled;
        }

        var prompt = PromptMessage.For(schedule, slot);
        if (Interlocked.Decrement(ref _budget) < 0)
        {
            return SlotOutcome.Busy; // the queues are full enough: a later sweep claims it
        }

        if (await slots.TryInsertAsync(prompt, SlotState.Claimed, instanceId, now, null, cancellationToken) is { } claimed)
        {
            await EnqueueAsync(prompt, claimed, cancellationToken);
            return SlotOutcome.Enqueued;
        }

        var existing = await slots.FindAsync(prompt.TenantId, prompt.TeamId, prompt.Week, cancellationToken);
        if (existing is not { State: SlotState.Claimed })
        {
            return SlotOutcome.AlreadyHandled;
        }

        if (now - existing.ClaimedAt < options.ClaimTimeout)
        {
            return SlotOutcome.Busy; // another instance is enqueueing it right now
        }

        // The instance that claimed it stopped before enqueueing: take the claim over, at most one of us.
        var takenOver = await slots.TryUpdateAsync(existing.Prompt, existing.ETag, cancellationToken, ("ClaimedBy", instanceId), ("ClaimedAt", now));
        if (takenOver is not { } etag)
        {
            return SlotOutcome.Busy;
        }

        LogTakenOver(logger, prompt.TenantId, prompt.Week, existing.ClaimedBy);
        await EnqueueAsync(existing.Prompt, etag, cancellationToken);
        return SlotOutcome.Enqueued;
    }

    private async Task EnqueueAsync(PromptMessage prompt, Azure.ETag claim, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(PromptDelivery.Request(prompt), cancellationToken);

        // Only if still as we claimed it: a fast worker may already have moved it on to Sending or Sent.
        await slots.TryUpdateAsync(prompt, claim, cancellationToken, ("State", nameof(SlotState.Enqueued)));
    }

    private async Task<bool> RecordSkippedAsync(ReflectionSchedule schedule, PromptSlot slot, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prompt = PromptMessage.For(schedule, slot);
        var recorded = await slots.TryInsertAsync(prompt, SlotState.Skipped, instanceId, now, reason, cancellationToken) is not null;
        if (recorded)
        {
            LogSkipped(logger, schedule.TenantId, slot.Week, reason);
        }

        return recorded;
    }

    private static string MissedReason(PromptSlot slot, DateTimeOffset now) =>
        FormattableString.Invariant($"Missed: due {slot.Due:u}, found {now:u}, past the late window.");

    private enum SlotOutcome
    {
        Enqueued = 0,
        Skipped = 1,
        Busy = 2,
        AlreadyHandled = 3,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over the reflection prompt of week {Week} in tenant {TenantId} from {Instance}, which claimed it and stopped")]
    private static partial void LogTakenOver(ILogger logger, string tenantId, string week, string instance);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reflection prompt of week {Week} in tenant {TenantId} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string tenantId, string week, string reason);
}
