using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>The statement as the team will see it, with "Post it" carrying everything the form said.</summary>
internal static class StatementPreviewCard
{
    public static AdaptiveCard Build(PermissionStatement draft, IReadOnlyDictionary<string, object> post, CultureInfo culture)
    {
        var body = new List<CardElement> { new TextBlock(Localisation.Text(nameof(PermissionText.PermissionPreviewTitle), culture)) { Weight = TextWeight.Bolder } };
        body.Add(new Container(StatementCard.Describe(draft, DateOnly.MinValue, culture)) { Style = ContainerStyle.Emphasis });
        return new AdaptiveCard(body, [new SubmitAction(Localisation.Text(nameof(PermissionText.PermissionPostButton), culture), post)]);
    }
}
