using System.Globalization;
using System.Text;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Measures;

namespace KindnessBot.Bot.Learning;

/// <summary>
/// The story's figures as CSV: one row per figure and period, then one per week of each section's chart. A withheld
/// figure has an empty value and says so in its own column, never a number. Only our own labels and numbers are written
/// (no one's words), and no cell starts with a character a spreadsheet would run as a formula.
/// </summary>
internal static class StoryCsv
{
    public static string Write(StoryOfChange story, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(story);
        var csv = new StringBuilder("section,figure,key,from,to,value,shown\r\n");
        var figures = story.Figures;
        foreach (var section in figures.Sections)
        {
            var name = FigureText.Section(section.Commitment, culture);
            foreach (var figure in section.Figures)
            {
                Row(csv, name, FigureText.Label(figure.Key, culture), figure.Key, figures.Period.From, figures.Period.To, figure.Now, figure.Kind);
                Row(csv, name, FigureText.Label(figure.Key, culture), figure.Key, figures.Previous.From, figures.Previous.To, figure.Before, figure.Kind);
            }

            foreach (var point in section.Chart)
            {
                var monday = IsoWeeks.Monday(point.Week);
                Row(csv, name, FigureText.Label(section.ChartKey, culture), section.ChartKey, monday, monday.AddDays(6), point.Value, section.ChartKind);
            }
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string section, string label, string key, DateOnly from, DateOnly to, Reading reading, FigureKind kind) =>
        csv.Append(Cell(section)).Append(',').Append(Cell(label)).Append(',').Append(key).Append(',')
            .Append(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
            .Append(FigureText.Raw(reading, kind)).Append(',').Append(reading.Withheld ? "no (fewer than five people)" : "yes").Append("\r\n");

    private static string Cell(string text)
    {
        var safe = text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
