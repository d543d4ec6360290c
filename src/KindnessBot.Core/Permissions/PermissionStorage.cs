using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Permissions;

/// <summary>Where permission statements, their readers and flexible decisions are kept.</summary>
public static class PermissionStorage
{
    public const string TableName = "Permissions";

    public static IReadOnlyList<StorageDeclaration> Declared { get; } = [StorageDeclaration.Table(TableName, "Permissions")];
}
