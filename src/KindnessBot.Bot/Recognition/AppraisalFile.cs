using System.Globalization;
using System.Text;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>The appraisal summary as a Markdown file, for the person to keep or share as they choose.</summary>
internal static class AppraisalFile
{
    public static string Write(KindnessLookBack received, int months, CultureInfo culture)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(string.Format(culture, Localisation.Text(nameof(RecognitionText.AppraisalSummaryTitle), culture), months)).AppendLine();
        text.AppendLine(string.Format(culture, Localisation.Text(nameof(RecognitionText.AppraisalSummaryCount), culture), received.Received.Count, received.Received.Select(r => r.GiverId).Distinct().Count())).AppendLine();
        foreach (var (commitment, count) in received.ReceivedByCommitment.OrderBy(p => p.Key))
        {
            text.Append("- ").Append(commitment.Name(culture)).Append(": ").Append(count.ToString(culture)).AppendLine();
        }

        foreach (var item in received.Received)
        {
            // What givers wrote, and their names, are shown as written: escaped, so none of it is Markdown or HTML.
            text.AppendLine().Append("> ").AppendLine(MarkdownText.Escape(item.Text).ReplaceLineEndings("\n> "));
            text.AppendLine().AppendLine(string.Format(culture, Localisation.Text(nameof(RecognitionText.LookBackFrom), culture), MarkdownText.Escape(item.GiverName), RecognitionCardParts.Date(item.GivenAt, culture)));
        }

        return text.ToString();
    }
}
