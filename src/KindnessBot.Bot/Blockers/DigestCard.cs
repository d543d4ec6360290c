using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Blockers;

namespace KindnessBot.Bot.Blockers;

/// <summary>The monthly "you said, we did" in a team's channel, and the leaders' settings for it on the team's list.</summary>
internal static class DigestCard
{
    public static AdaptiveCard Build(string teamName, DigestPeriod period, IReadOnlyList<BlockerSummary> closed, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(BlockerText.DigestTitle))) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            RichTextBlock.Plain(ShortText.Of(teamName, ReportFormCard.TeamNameLength)),
            new TextBlock(string.Format(culture, T(nameof(BlockerText.DigestPeriodIntro)), BlockerListCard.Day(period.Since, culture), BlockerListCard.Day(period.Until, culture))) { IsSubtle = true },
        };
        foreach (var (status, heading, line) in new[]
        {
            (BlockerStatus.Changed, nameof(BlockerText.DigestChangedHeading), nameof(BlockerText.WeDid)),
            (BlockerStatus.NotChanging, nameof(BlockerText.DigestNotChangingHeading), nameof(BlockerText.Because)),
        })
        {
            var items = closed.Where(c => c.Status == status).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            body.Add(new TextBlock(T(heading)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            foreach (var item in items.Take(BlockerDigests.MaxItems))
            {
                body.Add(new Container(
                [
                    RichTextBlock.Plain(ShortText.Of(item.What, BlockerListCard.ShortLength), italic: true),
                    RichTextBlock.Plain(string.Format(culture, T(line), ShortText.Of(item.Outcome ?? string.Empty, BlockerListCard.ShortLength))),
                ])
                { Separator = true });
            }

            if (items.Count > BlockerDigests.MaxItems)
            {
                body.Add(new TextBlock(T(nameof(BlockerText.DigestMore))) { IsSubtle = true });
            }
        }

        return new AdaptiveCard(body);
    }

    /// <summary>The leaders' settings: the day (or off) and the zone, saved in the team's own conversation.</summary>
    public static ShowCardAction Settings(BlockerListView view, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var now = view.Digest is { } digest ? string.Format(culture, T(nameof(BlockerText.DigestNow)), digest.Day, digest.TimeZoneId) : T(nameof(BlockerText.DigestOff));
        var days = new List<Choice> { new(T(nameof(BlockerText.DigestDayOff)), "0") };
        days.AddRange(Enumerable.Range(1, 28).Select(d => new Choice(d.ToString(culture), d.ToString(CultureInfo.InvariantCulture))));
        var form = new AdaptiveCard(
            [
                new TextBlock(now) { IsSubtle = true },
                new InputChoiceSet("day", days) { Label = T(nameof(BlockerText.DigestDayLabel)), Style = "compact", Value = (view.Digest?.Day ?? 1).ToString(CultureInfo.InvariantCulture) },
                new InputText("zone") { Label = T(nameof(BlockerText.DigestZoneLabel)), Value = view.Digest?.TimeZoneId ?? view.Zone ?? "Europe/London", MaxLength = 64 },
            ],
            [new SubmitAction(T(nameof(BlockerText.DigestSaveButton)), new Dictionary<string, object> { ["verb"] = BlockerVerbs.Digest, ["team"] = view.TeamId })]);
        return new ShowCardAction(T(nameof(BlockerText.DigestButton)), form);
    }
}
