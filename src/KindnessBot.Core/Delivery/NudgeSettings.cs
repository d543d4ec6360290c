namespace KindnessBot.Core.Delivery;

/// <summary>
/// One person's wellbeing settings for unsolicited messages: their quiet hours in their own time zone, weekends, a
/// pause (leave, illness) and the kinds of nudge they turned off. Null times mean the deployment's defaults. The zone is
/// not stored here: it is the one their Teams client last reported, kept on their chat's record.
/// </summary>
public sealed record NudgeSettings
{
    public static readonly NudgeSettings Default = new();

    /// <summary>The IANA time zone the person's Teams client last reported (from their chat's record), or null when it never has.</summary>
    public string? TimeZoneId { get; init; }

    public TimeOnly? QuietFrom { get; init; }

    public TimeOnly? QuietUntil { get; init; }

    public bool WeekendsQuiet { get; init; } = true;

    public DateTimeOffset? PausedUntil { get; init; }

    public IReadOnlySet<string> OptedOut { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public Azure.ETag ETag { get; init; }

    public bool IsPaused(DateTimeOffset now) => PausedUntil > now;
}
