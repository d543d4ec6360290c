using System.Globalization;
using KindnessBot.Bot.Cards;
using Rec = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>Tells the giver what the recipient decided.</summary>
internal static class GiverOutcomeCard
{
    public static AdaptiveCard Build(Rec recognition, CultureInfo culture)
    {
        var text = recognition.Status == Core.Recognition.ConsentStatus.Shared
            ? string.Format(culture, Localisation.Text(nameof(RecognitionText.GiverOutcomeShared), culture), recognition.RecipientName, RecognitionCardParts.TeamName(recognition, culture))
            : string.Format(culture, Localisation.Text(nameof(RecognitionText.GiverOutcomePrivate), culture), recognition.RecipientName);
        return new AdaptiveCard([RichTextBlock.Plain(text), RecognitionCardParts.Quote(recognition)]);
    }
}
