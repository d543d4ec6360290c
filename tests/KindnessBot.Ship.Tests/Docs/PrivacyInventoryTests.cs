using KindnessBot.Ship.Tests.Support;

namespace KindnessBot.Ship.Tests.Docs;

/// <summary>docs/privacy.md's inventory names exactly the tables and queues the features declare, each with every column filled in.</summary>
public sealed class PrivacyInventoryTests
{
    [Fact]
    public void The_privacy_inventory_has_one_full_row_for_every_declared_table_and_queue_and_none_for_anything_else()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "docs/privacy.md"));
        var start = text.IndexOf("\n## Every table and queue\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/privacy.md has no inventory section");
        var end = text.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        var rows = text[start..end].Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries)[1..^1])
            .ToList();

        var documented = rows.Select(cells => cells[0].Trim('`')).Order(StringComparer.Ordinal);
        var declared = BotComposition.DeclaredStorage().Select(d => d.Name).Order(StringComparer.Ordinal);

        Assert.Equal(declared, documented);
        Assert.All(rows, cells => Assert.True(cells.Length == 5 && cells.All(c => c.Length > 0), $"the row for {cells[0]} should fill all five columns"));
    }
}
