using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>A decision someone was happy to share, posted in their team's channel.</summary>
internal static class StoryCard
{
    public static AdaptiveCard Build(FlexDecision decision, PermissionStatement? statement, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(PermissionText.StoryTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            RichTextBlock.Plain(string.Format(culture, T(nameof(PermissionText.StoryBody)), decision.PersonName, decision.Decided)),
            RichTextBlock.Plain(string.Format(culture, T(nameof(PermissionText.StoryForWhom)), decision.ForWhom)),
            RichTextBlock.Plain(string.Format(culture, T(nameof(PermissionText.StoryOutcome)), decision.Outcome)),
        };
        if (statement is not null)
        {
            body.Add(RichTextBlock.Plain(string.Format(culture, T(nameof(PermissionText.StoryRelied)), statement.What), italic: true));
        }

        return new AdaptiveCard(body);
    }
}
