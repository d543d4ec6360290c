using System.Globalization;
using KindnessBot.Bot.Cards;
using Rec = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>Posted in the team channel once the recipient has agreed: both names, what happened, the commitments.</summary>
internal static class CelebrationCard
{
    public static AdaptiveCard Build(Rec recognition, CultureInfo culture) =>
        new(
        [
            new TextBlock(Localisation.Text(nameof(RecognitionText.CelebrationTitle), culture)) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            RichTextBlock.Plain(string.Format(culture, Localisation.Text(nameof(RecognitionText.CelebrationBody), culture), recognition.GiverName, recognition.RecipientName)),
            RecognitionCardParts.Quote(recognition),
            new TextBlock(string.Format(culture, Localisation.Text(nameof(RecognitionText.ConsentCommitments), culture), RecognitionCardParts.Commitments(recognition, culture))) { IsSubtle = true },
        ]);
}
