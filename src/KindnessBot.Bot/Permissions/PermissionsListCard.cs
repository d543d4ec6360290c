using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>"permissions": the statements in force for the person, newest first, then their own decisions; a page at a time.</summary>
internal static class PermissionsListCard
{
    public static AdaptiveCard Build(IReadOnlyList<PermissionStatement> statements, IReadOnlyList<FlexDecision> mine, DateOnly today, int page, CultureInfo culture)
    {
        var blocks = new List<CardElement>();
        if (statements.Count == 0)
        {
            blocks.Add(new TextBlock(Localisation.Text(nameof(PermissionText.PermissionsNone), culture)));
        }

        blocks.AddRange(statements.Select(s => new Container(StatementCard.Describe(s, today, culture)) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium }));
        for (var i = 0; i < mine.Count; i++)
        {
            var d = mine[i];
            var decision = RichTextBlock.Plain($"{d.Decided} ({d.ForWhom}): {d.Outcome}");
            // The heading travels with the first decision, so it never ends a page on its own.
            blocks.Add(i > 0 ? decision : new Container([new TextBlock(Localisation.Text(nameof(PermissionText.PermissionsYourDecisions), culture)) { Weight = TextWeight.Bolder }, decision]) { Spacing = Spacing.Large, Separator = true });
        }

        var heading = new TextBlock(Localisation.Text(nameof(PermissionText.PermissionsTitle), culture)) { Size = TextSize.Large, Weight = TextWeight.Bolder };
        return CardPages.Card([heading], CardPages.Split(blocks), page, next => new() { ["verb"] = PermissionVerbs.PermissionsPage, ["page"] = next }, culture);
    }
}
