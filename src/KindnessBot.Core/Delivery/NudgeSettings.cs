namespace KindnessBot.Core.Delivery;

/// <summary>
/// One person's wellbeing settings for unsolicited messages: their quiet hours in their own time zone (from their
/// Teams client, or chosen), weekends, a pause (leave, illness) and the kinds of nudge they turned off.
/// Null times mean the deployment's defaults.
/// </summary>
public sealed record NudgeSettings
{
    public static readonly NudgeSettings Default = new();

    /// <summary>The IANA time zone the person's Teams client last reported, or null when it never has.</summary>
    public string? TimeZoneId { get; init; }

    public TimeOnly? QuietFrom { get; init; }

    public TimeOnly? QuietUntil { get; init; }

    public bool WeekendsQuiet { get; init; } = true;

    public DateTimeOffset? PausedUntil { get; init; }

    public IReadOnlySet<string> OptedOut { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public Azure.ETag ETag { get; init; }

    public bool IsPaused(DateTimeOffset now) => PausedUntil > now;
}
