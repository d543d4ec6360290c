using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Recognition;

/// <summary>Where recognitions are kept.</summary>
public static class RecognitionStorage
{
    public const string TableName = "Recognitions";

    public static IReadOnlyList<StorageDeclaration> Declared { get; } = [StorageDeclaration.Table(TableName, "Recognition")];
}
