using KindnessBot.Core.Storage;

namespace KindnessBot.Core.People;

/// <summary>Where who-is-in-which-team and each person's daily allowance of changes are kept.</summary>
public static class PeopleStorage
{
    public const string MembershipsTable = "Memberships";

    public const string AllowancesTable = "Allowances";

    public static IReadOnlyList<StorageDeclaration> Declared { get; } =
        [StorageDeclaration.Table(MembershipsTable, "People"), StorageDeclaration.Table(AllowancesTable, "People")];
}
