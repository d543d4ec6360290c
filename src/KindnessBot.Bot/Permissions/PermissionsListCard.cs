using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>"permissions": the statements in force for the person, newest first.</summary>
internal static class PermissionsListCard
{
    public static AdaptiveCard Build(IReadOnlyList<PermissionStatement> statements, IReadOnlyList<FlexDecision> mine, DateOnly today, CultureInfo culture)
    {
        var body = new List<CardElement> { new TextBlock(Localisation.Text(nameof(PermissionText.PermissionsTitle), culture)) { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        if (statements.Count == 0)
        {
            body.Add(new TextBlock(Localisation.Text(nameof(PermissionText.PermissionsNone), culture)));
        }

        foreach (var statement in statements.Take(20))
        {
            body.Add(new Container(StatementCard.Describe(statement, today, culture)) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        if (mine.Count > 0)
        {
            body.Add(new TextBlock(Localisation.Text(nameof(PermissionText.PermissionsYourDecisions), culture)) { Weight = TextWeight.Bolder, Spacing = Spacing.Large, Separator = true });
            body.AddRange(mine.Take(10).Select(d => RichTextBlock.Plain($"{d.Decided} ({d.ForWhom}): {d.Outcome}")));
        }

        return new AdaptiveCard(body);
    }
}
