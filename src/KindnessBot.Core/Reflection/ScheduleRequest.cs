using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Reflection;

/// <summary>What a leader asked for, as it came from a card: nothing here is trusted yet.</summary>
public sealed record ScheduleRequest(
    string TenantId,
    string TeamId,
    string ConversationId,
    DayOfWeek Day,
    int Hour,
    int Minute,
    string? TimeZoneId,
    IReadOnlyList<Commitment>? Commitments,
    string CreatedBy,
    TimeSpan? OpenFor = null)
{
    public static readonly TimeSpan LongestOpen = TimeSpan.FromDays(7);

    public ScheduleResult Validate(DateTimeOffset now)
    {
        var problems = new List<ScheduleProblem>();
        if (string.IsNullOrWhiteSpace(TenantId) || string.IsNullOrWhiteSpace(TeamId) || string.IsNullOrWhiteSpace(ConversationId))
        {
            problems.Add(ScheduleProblem.MissingTeam);
        }

        if (!ReflectionCalendar.TryFindZone(TimeZoneId, out _))
        {
            problems.Add(ScheduleProblem.UnknownTimeZone);
        }

        if (Hour is < 0 or > 23 || Minute is < 0 or > 59 || !Enum.IsDefined(Day))
        {
            problems.Add(ScheduleProblem.ImpossibleTime);
        }

        if (Commitments is null || Commitments.Count == 0)
        {
            problems.Add(ScheduleProblem.NoCommitments);
        }
        else if (Commitments.Any(c => !Enum.IsDefined(c)))
        {
            problems.Add(ScheduleProblem.UnknownCommitment);
        }

        var openFor = OpenFor ?? ReflectionSchedule.DefaultOpenFor;
        if (openFor <= TimeSpan.Zero || openFor > LongestOpen)
        {
            problems.Add(ScheduleProblem.OpenTooLong);
        }

        if (problems.Count > 0)
        {
            return new ScheduleResult(null, problems);
        }

        return new ScheduleResult(
            new ReflectionSchedule
            {
                TenantId = TenantId,
                TeamId = TeamId,
                ConversationId = ConversationId,
                Day = Day,
                LocalTime = new TimeOnly(Hour, Minute),
                TimeZoneId = TimeZoneId!,
                Commitments = [.. Commitments!.Distinct()],
                OpenFor = openFor,
                CreatedBy = CreatedBy,
                CreatedAt = now,
            },
            []);
    }
}
