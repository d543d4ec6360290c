using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Retention;

/// <summary>Where the daily retention runs are claimed and their counts kept.</summary>
public static class RetentionStorage
{
    public const string TableName = "RetentionRuns";

    public static IReadOnlyList<StorageDeclaration> Declared { get; } = [StorageDeclaration.Table(TableName, "Retention")];
}
