using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Listening;

/// <summary>The Listening and Understanding features' one table: pulses and their answers, each team's statement and its history.</summary>
public sealed class ListeningStorage
{
    public const string TableName = "Listening";
    private const string Feature = "Listening";

    public static IReadOnlyList<StorageDeclaration> Declared { get; } = [StorageDeclaration.Table(TableName, Feature)];

    public ListeningStorage(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        Table = account.Table(TableName);
    }

    /// <summary>Rows by <see cref="ListeningKeys"/>.</summary>
    public TableClient Table { get; }
}

/// <summary>
/// Every key of the Listening table, tenant first:
/// <list type="bullet">
/// <item>a team's pulses: "{tenant}|q|{team}" / "{pulse id}" (a <see cref="RecordKey"/> of the day: newest first);</item>
/// <item>a pulse's answers: "{tenant}|a|{pulse id}" / the person's keyed tag for that pulse (one answer each);</item>
/// <item>a team's statement: "{tenant}|s|{team}" / "now", its versions "v|{inverted ticks}", "rings true" tags "r|{version}|{tag}" and suggestions "g|{inverted ticks}|{random}".</item>
/// </list>
/// </summary>
public static class ListeningKeys
{
    public const string AnswerPurpose = "pulse-answer";
    public const string RingsTruePurpose = "statement-rings-true";

    public static string PulsePartition(string tenantId, string teamId) => TableKey.Compose(tenantId, "q", teamId);

    public static string AnswerPartition(string tenantId, string pulseId) => TableKey.Compose(tenantId, "a", pulseId);

    public static string StatementPartition(string tenantId, string teamId) => TableKey.Compose(tenantId, "s", teamId);
}
