namespace KindnessBot.Core.People;

/// <summary>
/// Daily allowances (configuration section <c>Limits</c>) for changes that have no limit of their own. Recognitions
/// (<c>Recognition:DailyLimit</c>), flexible decisions (<c>Permissions:DailyDecisionLimit</c>) and reflection answers
/// (one a prompt, changed at most ten times) are limited where they are stored; anonymous answers never touch a row
/// about the person, so they are deliberately not counted here.
/// </summary>
public sealed class AllowanceOptions
{
    public const string Section = "Limits";

    /// <summary>The kind every leader's change counts against: posting, revoking or extending a statement, setting up, pausing, resuming or skipping reflection, adding or removing a leader.</summary>
    public const string LeaderChanges = "leader-changes";

    public int LeaderChangesPerDay { get; set; } = 60;

    /// <summary>The kind each download of a person's own data file counts against (each one reads every table and is audited).</summary>
    public const string Exports = "exports";

    public int ExportsPerDay { get; set; } = 10;

    /// <summary>The allowance for <paramref name="kind"/>.</summary>
    public int PerDay(string kind) => kind switch
    {
        LeaderChanges => LeaderChangesPerDay,
        Exports => ExportsPerDay,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No allowance of this kind is configured."),
    };
}
