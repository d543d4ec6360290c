using System.Globalization;
using System.Text;
using KindnessBot.Bot.Cards;

namespace KindnessBot.Bot.Permissions;

/// <summary>
/// Splits a long list over pages whose cards stay inside Teams' message limit (about 28 KB): each block is measured as
/// it will be sent (JSON, with the escapes non-ASCII text gets), so a page holds as much as fits, however it is written.
/// </summary>
internal static class CardPages
{
    /// <summary>Room for blocks on one page; the rest of the 28 KB is for the page's title, its button and Teams' envelope.</summary>
    public const int BudgetBytes = 21_000;

    /// <summary>The most pages a "Show more" button may ask for.</summary>
    public const int MaxPages = 1000;

    private static readonly int EmptyCardBytes = Bytes(new AdaptiveCard([]));

    /// <summary>
    /// The blocks in order, a page at a time (at most <see cref="MaxPages"/>); always at least one page, perhaps empty.
    /// Each block must fit a page on its own: the cards bound what one block may hold.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<CardElement>> Split(IEnumerable<CardElement> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var pages = new List<List<CardElement>> { new() };
        var used = 0;
        foreach (var block in blocks)
        {
            var size = Bytes(new AdaptiveCard([block])) - EmptyCardBytes + 1; // and a comma
            if (used + size > BudgetBytes && pages[^1].Count > 0)
            {
                if (pages.Count == MaxPages)
                {
                    break;
                }

                pages.Add([]);
                used = 0;
            }

            pages[^1].Add(block);
            used += size;
        }

        return pages;
    }

    /// <summary>
    /// Page <paramref name="page"/> (from 0; past the end, the last) as a card: the heading, "Page 2 of 5" when there are
    /// several, its blocks, and "Show more" with the next page's data unless it is the last.
    /// </summary>
    public static AdaptiveCard Card(IReadOnlyList<CardElement> heading, IReadOnlyList<IReadOnlyList<CardElement>> pages, int page, Func<int, Dictionary<string, object>> showMore, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(showMore);
        var index = Math.Clamp(page, 0, pages.Count - 1);
        var body = new List<CardElement>(heading);
        if (pages.Count > 1)
        {
            body.Add(new TextBlock(string.Format(culture, Localisation.Text(nameof(PermissionText.PermissionPageOf), culture), index + 1, pages.Count)) { IsSubtle = true, Spacing = Spacing.None });
        }

        body.AddRange(pages[index]);
        return index + 1 < pages.Count
            ? new AdaptiveCard(body, [new SubmitAction(Localisation.Text(nameof(PermissionText.PermissionShowMore), culture), showMore(index + 1))])
            : new AdaptiveCard(body);
    }

    private static int Bytes(AdaptiveCard card) => Encoding.UTF8.GetByteCount(card.ToJson());
}
