using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// When and where a team receives its weekly reflection prompt: one schedule per team, posted in one of its
/// channels. Build one with <see cref="ScheduleRequest.Validate"/>, which refuses what cannot work.
/// </summary>
public sealed record ReflectionSchedule
{
    public static readonly TimeSpan DefaultOpenFor = TimeSpan.FromDays(5);

    public required string TenantId { get; init; }

    public required string TeamId { get; init; }

    /// <summary>The channel the prompt is posted in.</summary>
    public required string ConversationId { get; init; }

    public required DayOfWeek Day { get; init; }

    /// <summary>Wall-clock time in <see cref="TimeZoneId"/>, whole minutes.</summary>
    public required TimeOnly LocalTime { get; init; }

    /// <summary>An IANA time zone id, such as "Europe/London".</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>The commitments the prompts cycle through, in order, each at most once.</summary>
    public required IReadOnlyList<Commitment> Commitments { get; init; }

    public bool Paused { get; init; }

    /// <summary>The week (ISO week id, "2026-W49") a leader chose to skip, if any.</summary>
    public string? SkippedWeek { get; init; }

    /// <summary>How long a prompt stays open for answers.</summary>
    public TimeSpan OpenFor { get; init; } = DefaultOpenFor;

    /// <summary>The Teams user id of the leader who set the schedule up (or last changed it): they receive the summaries.</summary>
    public required string CreatedBy { get; init; }

    public string? CreatedByName { get; init; }

    /// <summary>Slots due before this instant are never sent nor recorded.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The due instant of the latest slot this schedule has had handled (sent, skipped or failed).</summary>
    public DateTimeOffset? HandledThrough { get; init; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The same schedule with the next due week skipped.</summary>
    public ReflectionSchedule SkipNextWeek(DateTimeOffset now) =>
        this with { SkippedWeek = ReflectionCalendar.NextSlot(this, now).Week };
}

/// <summary>Why a schedule was refused; each has a kind message in ReflectionText.resx.</summary>
public enum ScheduleProblem
{
    UnknownTimeZone,
    ImpossibleTime,
    NoCommitments,
    UnknownCommitment,
    OpenTooLong,
    MissingTeam,
}

/// <summary>The outcome of validating a schedule request: a schedule, or the reasons it was refused.</summary>
public sealed record ScheduleResult(ReflectionSchedule? Schedule, IReadOnlyList<ScheduleProblem> Problems)
{
    public bool IsValid => Schedule is not null;

    /// <summary>The refusals in plain British English, for the leader's card.</summary>
    public IReadOnlyList<string> Messages => [.. Problems.Select(ReflectionText.Explain)];
}

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
