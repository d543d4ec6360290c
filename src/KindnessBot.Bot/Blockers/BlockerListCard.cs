using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Blockers;

namespace KindnessBot.Bot.Blockers;

/// <summary>
/// A team's blockers: the open ones (new first) and those closed in the last 30 days with what was done or why not.
/// Never who raised one; "affects" counts under five say "fewer than five". Texts are cut so the card stays well inside
/// Teams' 28 KB whatever people wrote.
/// </summary>
internal static class BlockerListCard
{
    public const int MaxOpen = 8;
    public const int MaxClosed = 5;

    /// <summary>Characters of a blocker or an outcome a list shows (the whole text is on the Respond form).</summary>
    public const int ShortLength = 140;

    public static AdaptiveCard Build(BlockerListView view, BlockerCards cards, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(BlockerText.ListTitle))) { Weight = TextWeight.Bolder },
            RichTextBlock.Plain(ShortText.Of(view.TeamName, ReportFormCard.TeamNameLength)),
            new TextBlock(T(view.Leads ? nameof(BlockerText.ListLeaderNote) : nameof(BlockerText.ListMemberNote))) { IsSubtle = true },
            new TextBlock(T(nameof(BlockerText.ListOpenHeading))) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
        };
        if (view.Blockers.Open.Count == 0)
        {
            body.Add(new TextBlock(T(nameof(BlockerText.ListNoneOpen))) { IsSubtle = true });
        }

        foreach (var item in view.Blockers.Open.Take(MaxOpen))
        {
            var button = view.Leads
                ? cards.RespondButton(view.TeamId, item.Id, culture)
                : new SubmitAction(T(nameof(BlockerText.AffectsMeButton)), new Dictionary<string, object> { ["verb"] = BlockerVerbs.AffectsMe, ["team"] = view.TeamId, ["blocker"] = item.Id });
            body.Add(new Container(
            [
                RichTextBlock.Plain(ShortText.Of(item.What, ShortLength)),
                new TextBlock(Line(item, culture)) { IsSubtle = true },
                new ActionSet([button]),
            ])
            { Separator = true });
        }

        if (view.MoreOpen || view.Blockers.Open.Count > MaxOpen)
        {
            body.Add(new TextBlock(T(nameof(BlockerText.ListMoreOpen))) { IsSubtle = true });
        }

        body.Add(new TextBlock(T(nameof(BlockerText.ListClosedHeading))) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        // A merged duplicate lives on in the one it was merged into: the list shows what changed or will not, and why.
        var closed = view.Blockers.RecentlyClosed.Where(b => b.Status != BlockerStatus.Merged).ToList();
        if (closed.Count == 0)
        {
            body.Add(new TextBlock(T(nameof(BlockerText.ListNoneClosed))) { IsSubtle = true });
        }

        foreach (var item in closed.Take(MaxClosed))
        {
            var items = new List<CardElement> { RichTextBlock.Plain(ShortText.Of(item.What, ShortLength)) };
            if (Outcome(item.Status, item.Outcome, culture) is { } outcome)
            {
                items.Add(RichTextBlock.Plain(outcome));
            }
            else
            {
                items.Add(new TextBlock(ReportFormCard.Status(item.Status, culture)) { IsSubtle = true });
            }

            body.Add(new Container(items) { Separator = true });
        }

        IReadOnlyList<CardAction> actions = view.CanSchedule ? [cards.ReportButton(view.TeamId, culture), DigestCard.Settings(view, culture)] : [cards.ReportButton(view.TeamId, culture)];
        return new AdaptiveCard(body, actions);
    }

    /// <summary>A person's own reports, each with where it is now and what was done or why not.</summary>
    public static AdaptiveCard Mine(IReadOnlyList<OwnReport> reports, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement> { new TextBlock(T(nameof(BlockerText.MyReportsTitle))) { Weight = TextWeight.Bolder } };
        if (reports.Count == 0)
        {
            body.Add(new TextBlock(T(nameof(BlockerText.MyReportsNone))) { IsSubtle = true });
        }

        foreach (var report in reports.Take(MaxOpen + MaxClosed))
        {
            var items = new List<CardElement>
            {
                RichTextBlock.Plain(ShortText.Of(report.What, ShortLength)),
                new TextBlock(string.Format(culture, T(nameof(BlockerText.MyReportsLine)), ReportFormCard.Status(report.Status, culture), T(report.Anonymous ? nameof(BlockerText.MyReportsAnonymous) : nameof(BlockerText.MyReportsNamed)), Day(report.CreatedAt, culture))) { IsSubtle = true },
            };
            if (Outcome(report.Status, report.Outcome, culture) is { } outcome)
            {
                items.Add(RichTextBlock.Plain(outcome));
            }

            body.Add(new Container(items) { Separator = true });
        }

        return new AdaptiveCard(body);
    }

    public static string Day(DateTimeOffset at, CultureInfo culture) => at.UtcDateTime.ToString("d MMMM yyyy", culture);

    private static string Line(BlockerSummary item, CultureInfo culture) =>
        string.Format(culture, Localisation.Text(nameof(BlockerText.ListLine), culture), ReportFormCard.Where(item.Where, culture), ReportFormCard.Status(item.Status, culture), ReportFormCard.Affects(item.AffectsCount, culture));

    private static string? Outcome(BlockerStatus status, string? outcome, CultureInfo culture) => (status, outcome) switch
    {
        (BlockerStatus.Changed, { } did) => string.Format(culture, Localisation.Text(nameof(BlockerText.WeDid), culture), ShortText.Of(did, ShortLength)),
        (BlockerStatus.NotChanging, { } why) => string.Format(culture, Localisation.Text(nameof(BlockerText.Because), culture), ShortText.Of(why, ShortLength)),
        _ => null,
    };
}
