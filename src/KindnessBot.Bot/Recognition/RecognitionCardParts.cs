using System.Globalization;
using KindnessBot.Bot.Cards;
using Rec = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>How a recognition reads on a card. Names and what people wrote go in as plain text runs, never markdown.</summary>
internal static class RecognitionCardParts
{
    public static List<CardElement> Body(Rec recognition, CultureInfo culture, string titleFormat, string introFormat) =>
    [
        new RichTextBlock([new TextRun(string.Format(culture, titleFormat, recognition.GiverName)) { Weight = TextWeight.Bolder }]),
        new RichTextBlock([new TextRun(string.Format(culture, introFormat, recognition.GiverName))]),
        Quote(recognition),
        new TextBlock(string.Format(culture, Localisation.Text(nameof(RecognitionText.ConsentCommitments), culture), Commitments(recognition, culture))) { IsSubtle = true },
    ];

    public static Container Quote(Rec recognition) =>
        new([RichTextBlock.Plain(recognition.Text, italic: true)]) { Style = ContainerStyle.Emphasis };

    public static string Commitments(Rec recognition, CultureInfo culture) =>
        string.Join(", ", recognition.Commitments.Select(c => c.Name(culture)));

    public static string TeamName(Rec recognition, CultureInfo culture) => recognition.CelebrateInTeamName ?? Localisation.Text(nameof(RecognitionText.YourTeam), culture);

    public static string Date(DateTimeOffset at, CultureInfo culture) => at.ToString("d MMMM yyyy", culture);
}
