using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Roles;

/// <summary>Where each team's leaders are kept.</summary>
public static class RoleStorage
{
    public const string TableName = "TeamLeaders";

    public static IReadOnlyList<StorageDeclaration> Declared { get; } = [StorageDeclaration.Table(TableName, "Roles")];
}
