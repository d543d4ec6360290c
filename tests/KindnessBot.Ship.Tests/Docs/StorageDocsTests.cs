using KindnessBot.Ship.Tests.Support;

namespace KindnessBot.Ship.Tests.Docs;

/// <summary>The docs name every table and queue the features declare (the one list the host creates and checks).</summary>
public sealed class StorageDocsTests
{
    public static TheoryData<string> Documents() => ["README.md", "docs/deploy.md"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_declared_table_and_queue_is_in_the_docs(string document)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, document));

        // The README lists each table as a row of its storage table; elsewhere a mention in backticks will do.
        bool Named(Core.Storage.StorageDeclaration d) => document == "README.md" && d.Kind == Core.Storage.StorageKind.Table
            ? text.Contains($"\n| `{d.Name}` |", StringComparison.Ordinal)
            : text.Contains($"`{d.Name}`", StringComparison.Ordinal);
        var missing = BotComposition.DeclaredStorage().Where(d => !Named(d)).Select(d => $"{d.Kind} {d.Name} ({d.Feature})");

        Assert.Empty(missing);
    }

    [Fact]
    public void Each_table_and_queue_is_declared_once()
    {
        var declared = BotComposition.DeclaredStorage();

        Assert.Equal(declared.Count, declared.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());
    }
}
