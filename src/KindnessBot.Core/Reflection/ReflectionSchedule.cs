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
