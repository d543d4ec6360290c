using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Blockers;

/// <summary>
/// Every key of the Blockers table, built here and nowhere else, tenant first. Blocker ids are <see cref="RecordKey"/>s.
/// <list type="bullet">
/// <item>a blocker: "{tenant}|b" / "{id}";</item>
/// <item>a team's index: "{tenant}|i|{team}" / "o|{step}|{id}" while open (step 0 New, 1 Acknowledged, 2 In progress;
/// ids start with inverted ticks, so newest first) and "c|{inverted ticks of closing}|{id}" once closed;</item>
/// <item>who is affected: "{tenant}|a|{id}" / the person's keyed tag for that blocker;</item>
/// <item>a person's reports: "{tenant}|p|{the person's keyed tag}" / a random id, the blocker id sealed inside.</item>
/// </list>
/// </summary>
public static class BlockerKeys
{
    public const string AffectsPurpose = "blocker-affects";
    public const string ReportsPurpose = "blocker-reports";

    public const string OpenPrefix = "o|";
    public const string ClosedPrefix = "c|";

    public static string BlockerPartition(string tenantId) => TableKey.Compose(tenantId, "b");

    public static string IndexPartition(string tenantId, string teamId) => TableKey.Compose(tenantId, "i", teamId);

    public static string AffectsPartition(string tenantId, string blockerId) => TableKey.Compose(tenantId, "a", blockerId);

    public static string PersonPartition(string tenantId, string personTag) => TableKey.Compose(tenantId, "p", personTag);

    /// <summary>Report forms sent: "{tenant}|f" / a hash of the form's id, holding the blocker id it made.</summary>
    public static string FormPartition(string tenantId) => TableKey.Compose(tenantId, "f");

    /// <summary>A team's monthly "you said, we did" schedule: "{tenant}|d" / "{team}".</summary>
    public static string DigestPartition(string tenantId) => TableKey.Compose(tenantId, "d");

    /// <summary>The calendar every instance sweeps: one partition, rows by when the digest is due, then whose.</summary>
    public const string DigestCalendar = "digest-due";

    public static string DigestDueRow(DateTimeOffset due, string tenantId, string teamId) =>
        $"{due.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)}|{TableKey.Compose(tenantId, teamId)}";

    /// <summary>The first calendar row key of anything due after <paramref name="at"/>.</summary>
    public static string DueAfter(DateTimeOffset at) => (at.UtcTicks + 1).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static string IndexRow(Blocker blocker)
    {
        ArgumentNullException.ThrowIfNull(blocker);
        return blocker.IsClosed
            ? $"{ClosedPrefix}{RecordKey.InvertedTicks(blocker.ClosedAt ?? blocker.UpdatedAt)}|{blocker.Id}"
            : $"{OpenPrefix}{(int)blocker.Status}|{blocker.Id}";
    }

    /// <summary>The first closed row key of something closed at or before <paramref name="at"/>.</summary>
    public static string ClosedBefore(DateTimeOffset at) => ClosedPrefix + RecordKey.InvertedTicks(at);

    /// <summary>The end of a prefix's range: the prefix with its last character raised by one.</summary>
    public static string End(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
