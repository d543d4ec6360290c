using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Audit;

/// <summary>Where the audit log is kept.</summary>
public static class AuditStorage
{
    public const string TableName = "AuditLog";

    public static IReadOnlyList<StorageDeclaration> Declared { get; } = [StorageDeclaration.Table(TableName, "Audit")];
}
