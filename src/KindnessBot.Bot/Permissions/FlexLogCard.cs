using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>
/// "flex log": for each statement, how many decisions relied on it and the newest stories people shared, then the
/// decisions that relied on no statement; a page at a time, with "Show more".
/// </summary>
internal static class FlexLogCard
{
    /// <summary>The newest shared stories shown under each statement: enough to hear how it is used.</summary>
    public const int StoriesShown = 3;

    /// <summary>How much of a story the log shows; the whole story was shared in the channel.</summary>
    public const int StoryLength = 500;

    public static AdaptiveCard Build(FlexLog log, string scopeId, int page, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var blocks = new List<CardElement>();
        foreach (var entry in log.Statements)
        {
            var items = new List<CardElement>
            {
                RichTextBlock.Plain(entry.Statement.What),
                new TextBlock(string.Format(culture, T(nameof(PermissionText.FlexLogStatement)), entry.Decisions)) { IsSubtle = true },
            };
            items.AddRange(Stories(entry.SharedStories));
            blocks.Add(new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        blocks.Add(new Container([new TextBlock(string.Format(culture, T(nameof(PermissionText.FlexLogOwn)), log.OwnJudgementDecisions)), .. Stories(log.OwnJudgementStories)]) { Spacing = Spacing.Medium });
        var heading = new TextBlock(T(nameof(PermissionText.FlexLogTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder };
        return CardPages.Card([heading], CardPages.Split(blocks), page, next => new() { ["verb"] = PermissionVerbs.FlexLogPage, ["scope"] = scopeId, ["page"] = next }, culture);
    }

    private static IEnumerable<CardElement> Stories(IEnumerable<FlexDecision> stories) =>
        stories.Take(StoriesShown).Select(d => RichTextBlock.Plain($"{d.PersonName}: {ShortText.Of(d.Decided, StoryLength)}", italic: true));
}
