using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Learning;

/// <summary>The Learning feature's one table: every team's weekly counts and their markers (see <see cref="AggregateKeys"/>).</summary>
public static class LearningStorage
{
    public const string TableName = "Aggregates";

    public static IReadOnlyList<StorageDeclaration> Declared { get; } = [StorageDeclaration.Table(TableName, "Learning")];
}
