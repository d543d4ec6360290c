namespace KindnessBot.Core.Storage;

/// <summary>
/// A table or queue a feature keeps its data in, declared once by that feature. Creation at start-up, the readiness
/// check, the deployment's test and the docs' test all read the declared list, so a new table is one line.
/// </summary>
public sealed record StorageDeclaration(string Name, StorageKind Kind, string Feature)
{
    public static StorageDeclaration Table(string name, string feature) => new(name, StorageKind.Table, feature);

    public static StorageDeclaration Queue(string name, string feature) => new(name, StorageKind.Queue, feature);
}
