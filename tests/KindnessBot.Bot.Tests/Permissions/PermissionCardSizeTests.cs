using System.Text;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Permissions;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>Teams refuses a message over about 28 KB: every permission card, at its largest, stays under it.</summary>
public class PermissionCardSizeTests
{
    private const int TeamsLimitBytes = 28_000;

    private static readonly IReadOnlyList<CardMessage> Largest = [.. PermissionCardSamples.Largest(new PermissionCards(), "en-GB")];

    [Fact]
    public void Every_permission_card_at_its_largest_is_under_Teams_28_KB_limit()
    {
        var over = Largest.Select(c => (c.Name, Bytes: Encoding.UTF8.GetByteCount(c.Json))).Where(c => c.Bytes >= TeamsLimitBytes).ToList();

        Assert.True(over.Count == 0, string.Join("; ", over.Select(c => $"{c.Name}: {c.Bytes} bytes")));
    }

    [Fact]
    public void Every_card_of_PermissionCards_has_a_largest_sample()
    {
        var made = typeof(PermissionCards).GetMethods().Where(m => m.DeclaringType == typeof(PermissionCards) && m.ReturnType == typeof(CardMessage)).Select(m => $"{nameof(PermissionCards)}.{m.Name}");

        Assert.Equal(made.Order(), Largest.Select(c => c.Name).Distinct().Order());
    }

    [Fact]
    public void A_long_flex_log_and_permissions_list_lose_nothing_across_their_pages()
    {
        foreach (var card in new[] { "PermissionCards.FlexLog", "PermissionCards.PermissionsList" })
        {
            var pages = string.Concat(Largest.Where(c => c.Name == card).Select(c => c.Json));
            var shown = Enumerable.Range(0, PermissionCardSamples.LongList).Count(i => pages.Contains(Json(PermissionCardSamples.Longest(20, i)), StringComparison.Ordinal));
            Assert.True(shown == PermissionCardSamples.LongList, $"{card} shows {shown} of {PermissionCardSamples.LongList} statements");
        }
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text)[1..^1];
}
