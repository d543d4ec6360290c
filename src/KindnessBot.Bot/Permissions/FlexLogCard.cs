using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>"flex log": for each statement, the decisions that relied on it and the shared stories.</summary>
internal static class FlexLogCard
{
    public static AdaptiveCard Build(FlexLog log, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement> { new TextBlock(T(nameof(PermissionText.FlexLogTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        foreach (var entry in log.Statements.Take(20))
        {
            var items = new List<CardElement>
            {
                RichTextBlock.Plain(entry.Statement.What),
                new TextBlock(string.Format(culture, T(nameof(PermissionText.FlexLogStatement)), entry.Decisions)) { IsSubtle = true },
            };
            items.AddRange(entry.SharedStories.Take(5).Select(d => RichTextBlock.Plain($"{d.PersonName}: {d.Decided}", italic: true)));
            body.Add(new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        body.Add(new TextBlock(string.Format(culture, T(nameof(PermissionText.FlexLogOwn)), log.OwnJudgementDecisions)) { Spacing = Spacing.Medium });
        body.AddRange(log.OwnJudgementStories.Take(5).Select(d => RichTextBlock.Plain($"{d.PersonName}: {d.Decided}", italic: true)));
        return new AdaptiveCard(body);
    }
}
