using System.Globalization;
using Rec = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Bot.Cards.Recognition;

/// <summary>Posted in the team channel once the recipient has agreed: both names, what happened, the commitments.</summary>
internal static class CelebrationCard
{
    public static AdaptiveCard Build(Rec recognition, CultureInfo culture) =>
        new(
        [
            new TextBlock(Localisation.Text("CelebrationTitle", culture)) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            RichTextBlock.Plain(string.Format(culture, Localisation.Text("CelebrationBody", culture), recognition.GiverName, recognition.RecipientName)),
            RecognitionText.Quote(recognition),
            new TextBlock(string.Format(culture, Localisation.Text("ConsentCommitments", culture), RecognitionText.Commitments(recognition, culture))) { IsSubtle = true },
        ]);
}

/// <summary>Tells the giver what the recipient decided.</summary>
internal static class GiverOutcomeCard
{
    public static AdaptiveCard Build(Rec recognition, CultureInfo culture)
    {
        var text = recognition.Status == Core.Recognition.ConsentStatus.Shared
            ? string.Format(culture, Localisation.Text("GiverOutcomeShared", culture), recognition.RecipientName, RecognitionText.TeamName(recognition, culture))
            : string.Format(culture, Localisation.Text("GiverOutcomePrivate", culture), recognition.RecipientName);
        return new AdaptiveCard([RichTextBlock.Plain(text), RecognitionText.Quote(recognition)]);
    }
}

/// <summary>A short reply to the giver or recipient: a title and a plain sentence that may hold names.</summary>
internal static class NoticeCard
{
    public static AdaptiveCard Build(string title, string text) =>
        new([new TextBlock(title) { Weight = TextWeight.Bolder }, RichTextBlock.Plain(text)]);
}
