using KindnessBot.Core.Audit;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// The reflection feature as people use it: leaders set up, pause, resume, skip and change a team's schedule (only
/// leaders, decided by the one <see cref="IAuthorisation"/>); members answer the week's prompt and the card's count follows.
/// The scope is a team (its id) or a group chat (its conversation id), as for permissions.
/// </summary>
public sealed class ReflectionService(IScheduleStore schedules, SlotStore slots, AnswerStore answers, AnswerService answerService, IAuthorisation authorisation, IReflectionNotifier notifier, TimeProvider time, IAuditLog? audit = null)
{
    private const int WeeksBack = 4;

    public Task<ReflectionSchedule?> FindAsync(ConversationRecord scope, CancellationToken cancellationToken) =>
        schedules.FindAsync(scope.TenantId, scope.ScopeId, cancellationToken);

    /// <summary>
    /// Sets up reflection in <paramref name="postIn"/> (a channel or group chat), or changes the schedule there. A
    /// change takes effect from now: a week already sent is not sent again (its slot row exists), and a time that has
    /// already passed this week waits for next week.
    /// </summary>
    public async Task<ScheduleChange> SetUpAsync(ConversationRecord postIn, Person leader, ScheduleChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIn);
        ArgumentNullException.ThrowIfNull(leader);
        ArgumentNullException.ThrowIfNull(choice);
        if (!await authorisation.IsLeaderAsync(postIn, leader, cancellationToken))
        {
            return ScheduleChange.Refused(ReflectionRefusal.NotALeader);
        }

        var now = time.GetUtcNow();
        var request = new ScheduleRequest(postIn.TenantId, postIn.ScopeId, postIn.ConversationId, choice.Day, choice.Hour, choice.Minute, choice.TimeZoneId, choice.Commitments, leader.TeamsId, TimeSpan.FromDays(choice.OpenForDays));
        var result = request.Validate(now);
        if (!result.IsValid)
        {
            return ScheduleChange.Refused(ReflectionRefusal.Invalid, result.Messages);
        }

        var fresh = result.Schedule! with { CreatedByName = leader.Name };
        var stored = await schedules.UpdateAsync(fresh.TenantId, fresh.TeamId, current => current is null ? fresh : fresh with { HandledThrough = current.HandledThrough, Paused = current.Paused }, cancellationToken);
        await AuditAsync(postIn, leader, AuditAction.ReflectionSetUp, cancellationToken);
        return ScheduleChange.Done(stored!);
    }

    public Task<ScheduleChange> PauseAsync(ConversationRecord scope, Person leader, CancellationToken cancellationToken) =>
        ChangeAsync(scope, leader, AuditAction.ReflectionPaused, (s, _) => s with { Paused = true }, cancellationToken);

    public Task<ScheduleChange> ResumeAsync(ConversationRecord scope, Person leader, CancellationToken cancellationToken) =>
        ChangeAsync(scope, leader, AuditAction.ReflectionResumed, (s, now) => s with { Paused = false, CreatedAt = s.Paused ? now : s.CreatedAt }, cancellationToken);

    /// <summary>Skips the next prompt due (pressing it twice in the same week skips the same week).</summary>
    public Task<ScheduleChange> SkipNextAsync(ConversationRecord scope, Person leader, CancellationToken cancellationToken) =>
        ChangeAsync(scope, leader, AuditAction.ReflectionSkipped, (s, now) => s.SkipNextWeek(now), cancellationToken);

    /// <summary>When the next prompt is due, or null while paused.</summary>
    public PromptSlot? Next(ReflectionSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Paused)
        {
            return null;
        }

        var next = ReflectionCalendar.NextSlot(schedule, time.GetUtcNow());
        return next.Week == schedule.SkippedWeek ? ReflectionCalendar.SlotOn(schedule, next.LocalDate.AddDays(7)) : next;
    }

    /// <summary>
    /// Saves a member's answer and, when it is a new one, raises the count on the prompt card. The count is the
    /// number of answer rows, written on the slot only when it rises (ETag), and whoever raises it updates the card.
    /// </summary>
    public async Task<AnswerOutcome> AnswerAsync(AnswerSubmit submit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submit);
        var result = await answerService.SubmitAsync(submit, cancellationToken);
        if (result is not (AnswerResult.Saved or AnswerResult.Updated))
        {
            return new AnswerOutcome(result, 0);
        }

        var prompt = new PromptId(submit.PromptTeamId, submit.Week);
        var count = await answers.CountAsync(submit.TenantId, prompt, cancellationToken);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var slot = await slots.FindAsync(submit.TenantId, prompt.TeamId, prompt.Week, cancellationToken);
            if (slot is null || slot.AnswerCount >= count)
            {
                break; // someone else has shown this many already (or more)
            }

            if (await slots.TryUpdateAsync(slot.Prompt, slot.ETag, cancellationToken, ("AnswerCount", count)) is not null)
            {
                if (slot.ActivityId is { Length: > 0 } activityId)
                {
                    await notifier.UpdatePromptAsync(slot.Prompt, activityId, count, closed: false, cancellationToken);
                }

                break;
            }
        }

        return new AnswerOutcome(result, count);
    }

    /// <summary>
    /// The most recent prompt of the team's schedule that has closed, with its answers, for a leader who asks: anyone
    /// else gets null. A summary read is a leader's action like any other, so it is in the audit log (which week, never
    /// what it said).
    /// </summary>
    public async Task<(PromptMessage Prompt, IReadOnlyList<ReflectionAnswer> Answers)?> ReadLatestSummaryAsync(ConversationRecord scope, Person reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!await authorisation.IsLeaderAsync(scope, reader, cancellationToken) || await FindAsync(scope, cancellationToken) is not { } schedule
            || await LatestClosedAsync(schedule, cancellationToken) is not { } closed)
        {
            return null;
        }

        await audit.RecordLeaderActionAsync(scope, reader, AuditAction.SummaryRead, time.GetUtcNow(), closed.Prompt.Week, cancellationToken);
        return closed;
    }

    private async Task<(PromptMessage Prompt, IReadOnlyList<ReflectionAnswer> Answers)?> LatestClosedAsync(ReflectionSchedule schedule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var week in ReflectionCalendar.RecentWeeks(schedule.TimeZone, now, WeeksBack))
        {
            var slot = await slots.FindAsync(schedule.TenantId, schedule.TeamId, week, cancellationToken);
            if (slot is { State: SlotState.Sent } && now >= slot.Prompt.ClosesAt)
            {
                return (slot.Prompt, await answers.ListAsync(schedule.TenantId, new PromptId(slot.Prompt.TeamId, slot.Prompt.Week), cancellationToken));
            }
        }

        return null;
    }

    private async Task<ScheduleChange> ChangeAsync(ConversationRecord scope, Person leader, AuditAction action, Func<ReflectionSchedule, DateTimeOffset, ReflectionSchedule> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!await authorisation.IsLeaderAsync(scope, leader, cancellationToken))
        {
            return ScheduleChange.Refused(ReflectionRefusal.NotALeader);
        }

        var now = time.GetUtcNow();
        var stored = await schedules.UpdateAsync(scope.TenantId, scope.ScopeId, current => current is null ? null : change(current, now), cancellationToken);
        if (stored is null)
        {
            return ScheduleChange.Refused(ReflectionRefusal.NotSetUp);
        }

        await AuditAsync(scope, leader, action, cancellationToken);
        return ScheduleChange.Done(stored);
    }

    private Task AuditAsync(ConversationRecord scope, Person leader, AuditAction action, CancellationToken cancellationToken) =>
        audit.RecordLeaderActionAsync(scope, leader, action, time.GetUtcNow(), null, cancellationToken);
}
