using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>The leader's reminder, three days before a statement ends.</summary>
internal static class ReminderCard
{
    public static AdaptiveCard Build(PermissionStatement statement, CultureInfo culture) =>
        new(
            [
                new TextBlock(Localisation.Text(nameof(PermissionText.ReminderTitle), culture)) { Weight = TextWeight.Bolder },
                RichTextBlock.Plain(string.Format(culture, Localisation.Text(nameof(PermissionText.ReminderBody), culture), statement.What, StatementCard.Day(statement.ValidUntil, culture))),
            ],
            [new SubmitAction(Localisation.Text(nameof(PermissionText.StatementExtendButton), culture), new Dictionary<string, object> { ["verb"] = PermissionVerbs.Extend, ["scope"] = statement.ScopeId, [StatementButtonVerb.StatementField] = statement.Key })]);
}
