using KindnessBot.Core.Storage;

namespace KindnessBot.Core.People;

/// <summary>Where who-is-in-which-team is kept.</summary>
public static class PeopleStorage
{
    public const string MembershipsTable = "Memberships";

    public static IReadOnlyList<StorageDeclaration> Declared { get; } = [StorageDeclaration.Table(MembershipsTable, "People")];
}
