using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// After the send: when a prompt closes, the card says so and the leader who set reflection up receives the summary;
/// when a prompt could not be posted (it went to the poison queue), the leader and the admins are told. Each slot is
/// followed up once, however many instances sweep: an instance claims the follow-up on the slot row (ETag), does it,
/// then marks it done; a claim not finished within <see cref="ClaimFor"/> (the instance stopped) is taken over.
/// Looks at the slots of the last three weeks of every schedule, paused or not, so a prompt still closes after its
/// team pauses reflection.
/// </summary>
public sealed partial class ReflectionFollowUp(IScheduleStore schedules, SlotStore slots, AnswerStore answers, IReflectionNotifier notifier, TimeProvider time, ILogger<ReflectionFollowUp> logger)
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    // Prompts close at most seven days after they are due, so three weeks back covers a closed prompt and downtime.
    private const int WeeksBack = 3;

    public async Task<FollowUpResult> SweepAsync(CancellationToken cancellationToken)
    {
        int summaries = 0, failures = 0, undelivered = 0;
        await foreach (var schedule in schedules.ListAllAsync(cancellationToken))
        {
            if (!ReflectionCalendar.TryFindZone(schedule.TimeZoneId, out var zone))
            {
                continue;
            }

            foreach (var week in ReflectionCalendar.RecentWeeks(zone, time.GetUtcNow(), WeeksBack))
            {
                var slot = await slots.FindAsync(schedule.TenantId, schedule.TeamId, week, cancellationToken);
                switch (await FollowUpAsync(schedule, slot, cancellationToken))
                {
                    case Outcome.Summarised: summaries++; break;
                    case Outcome.Reported: failures++; break;
                    case Outcome.Undelivered: undelivered++; break;
                }
            }
        }

        return new FollowUpResult(summaries, failures, undelivered);
    }

    private async Task<Outcome> FollowUpAsync(ReflectionSchedule schedule, SlotRecord? slot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = slot switch
        {
            { FollowedUpAt: not null } => false,
            { State: SlotState.Sent } => now >= slot.Prompt.ClosesAt,
            { State: SlotState.Failed } => true,
            _ => false,
        };
        if (!due || slot!.FollowUpUntil > now)
        {
            return Outcome.Nothing;
        }

        if (await slots.TryUpdateAsync(slot.Prompt, slot.ETag, cancellationToken, ("FollowUpUntil", now + ClaimFor)) is null)
        {
            return Outcome.Nothing; // another instance has it
        }

        var outcome = Outcome.Reported;
        if (slot.State == SlotState.Failed)
        {
            await notifier.ReportFailureAsync(schedule, slot.Prompt, slot.Reason, cancellationToken);
        }
        else
        {
            var given = await answers.ListAsync(schedule.TenantId, new PromptId(slot.Prompt.TeamId, slot.Prompt.Week), cancellationToken);
            if (slot.ActivityId is { Length: > 0 } activityId)
            {
                await notifier.UpdatePromptAsync(slot.Prompt, activityId, given.Count, closed: true, cancellationToken);
            }

            outcome = await notifier.SendSummaryAsync(schedule, slot.Prompt, given, cancellationToken) ? Outcome.Summarised : Outcome.Undelivered;
            if (outcome == Outcome.Undelivered)
            {
                LogUndelivered(logger, schedule.TenantId, slot.Prompt.Week);
            }
        }

        await slots.TryUpdateAsync(slot.Prompt, Azure.ETag.All, CancellationToken.None, ("FollowedUpAt", time.GetUtcNow()), ("FollowUp", outcome.ToString()));
        return outcome;
    }

    private enum Outcome
    {
        Nothing,
        Summarised,
        Reported,
        Undelivered,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reflection summary of week {Week} in tenant {TenantId} could not be delivered: the leader has no personal chat with the bot; they can ask for it with 'reflection' in personal chat")]
    private static partial void LogUndelivered(ILogger logger, string tenantId, string week);
}
