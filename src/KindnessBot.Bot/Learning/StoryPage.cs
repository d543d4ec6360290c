using System.Globalization;
using System.Net;
using System.Text;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Measures;

namespace KindnessBot.Bot.Learning;

/// <summary>
/// A team's story of change as one self-contained HTML page: no script, font, image or style from anywhere else (charts
/// are inline SVG), every word people wrote escaped, and a print stylesheet. A section per commitment with something to
/// tell: its figures beside the weeks before, its week-by-week chart, and what the people in it agreed to share.
/// </summary>
internal static class StoryPage
{
    private static readonly Commitment[] Order = [Commitment.Understanding, Commitment.Reflective, Commitment.Permissive, Commitment.Systemic];

    /// <summary>The figures the plain reading speaks of, one or two a commitment.</summary>
    private static readonly string[] ReadingKeys = [Metrics.Recognitions, Metrics.ReflectionAnswers, DashboardBuilder.WellbeingAverage, Metrics.DecisionsWithStatement, Metrics.BlockersChanged, DashboardBuilder.MedianDaysToChange];

    private const string Style = """
        :root { color: #252423; font-family: "Segoe UI", system-ui, -apple-system, Arial, sans-serif; line-height: 1.5; }
        body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid #6264A7; padding-bottom: 0.2rem; }
        h3 { font-size: 1.05rem; margin-top: 1.4rem; } .period, .note, footer { color: #605E5C; }
        table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; } th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #E1DFDD; }
        td.n, th.n { text-align: right; white-space: nowrap; } figure { margin: 0.8rem 0; } figure svg { width: 100%; height: auto; }
        blockquote { margin: 0.6rem 0; padding: 0.4rem 0.9rem; border-left: 4px solid #C5C6F0; background: #F5F5FC; white-space: pre-wrap; }
        .who { color: #605E5C; font-size: 0.92rem; margin-top: -0.3rem; } footer { margin-top: 3rem; font-size: 0.9rem; }
        @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section, blockquote, figure, table { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
        """;

    public static string Write(StoryOfChange story, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(story);
        string T(string name) => Localisation.Text(name, culture);
        string F(string name, params object[] args) => string.Format(culture, T(name), args);
        var period = story.Figures.Period;
        var html = new StringBuilder();
        var title = F(nameof(LearningText.StoryHeading), story.TeamName);
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n")
            .Append("<p class=\"period\">").Append(E(F(nameof(LearningText.StoryPeriod), period.Weeks, LearningCards.Day(period.From, culture), LearningCards.Day(period.To, culture)))).Append("</p>\n")
            .Append("<p>").Append(E(T(nameof(LearningText.StoryIntro)))).Append("</p>\n");

        html.Append("<section>\n<h2>").Append(E(T(nameof(LearningText.StoryReadingTitle)))).Append("</h2>\n<ul>\n");
        foreach (var figure in ReadingKeys.Select(k => story.Figures.Sections.Select(s => s.Figure(k)).FirstOrDefault(f => f is not null)).OfType<DashboardFigure>())
        {
            html.Append("<li>").Append(E(FigureText.Reading(figure, culture))).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
        foreach (var section in Order.Select(story.Figures.Section).OfType<DashboardSection>())
        {
            Section(html, section, story.Items.Where(i => i.Commitment == section.Commitment || (section.Commitment == Commitment.Understanding && i.Kind == StoryItem.Recognition)).ToList(), culture);
        }

        html.Append("</main>\n<footer>").Append(E(F(nameof(LearningText.StoryFooter), LearningCards.Day(DateOnly.FromDateTime(story.MadeAt.UtcDateTime), culture)))).Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, DashboardSection section, List<StoryItem> items, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        string F(string name, params object[] args) => string.Format(culture, T(name), args);
        html.Append("<section>\n<h2>").Append(E(FigureText.Section(section.Commitment, culture))).Append("</h2>\n");
        if (section.Commitment == Commitment.Understanding)
        {
            html.Append("<h3>").Append(E(T(nameof(LearningText.StoryStatementTitle)))).Append("</h3>\n");
            var versions = items.Where(i => i.Kind == StoryItem.Statement).ToList();
            if (versions.Count == 0)
            {
                html.Append("<p class=\"note\">").Append(E(T(nameof(LearningText.StoryNoStatement)))).Append("</p>\n");
            }

            foreach (var version in versions)
            {
                html.Append("<blockquote>").Append(E(version.Text)).Append("</blockquote>\n<p class=\"who\">")
                    .Append(E(F(nameof(LearningText.StoryStatementWritten), LearningCards.Day(DateOnly.FromDateTime(version.At.UtcDateTime), culture)))).Append("</p>\n");
            }
        }

        html.Append("<table>\n<caption class=\"note\">").Append(E(T(nameof(LearningText.StoryFiguresCaption)))).Append("</caption>\n<thead><tr><th>")
            .Append(E(T(nameof(LearningText.StoryFigureHeader)))).Append("</th><th class=\"n\">").Append(E(T(nameof(LearningText.StoryNowHeader))))
            .Append("</th><th class=\"n\">").Append(E(T(nameof(LearningText.StoryBeforeHeader)))).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var figure in section.Figures)
        {
            html.Append("<tr><td>").Append(E(FigureText.Label(figure.Key, culture))).Append("</td><td class=\"n\">").Append(E(FigureText.Value(figure.Now, figure.Kind, culture)))
                .Append("</td><td class=\"n\">").Append(E(FigureText.Value(figure.Before, figure.Kind, culture))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        var chartTitle = DashboardChart.Panels.FirstOrDefault(p => p.Commitment == section.Commitment).Title;
        if (section.Chart.Count <= 13 && chartTitle is not null)
        {
            // A year's 52 weeks are too many bars to read: the figures above tell it.
            html.Append("<figure>").Append(DashboardChart.Svg(section, T(chartTitle), culture)).Append("</figure>\n");
        }

        var (heading, kind) = section.Commitment switch
        {
            Commitment.Understanding => (nameof(LearningText.StoryRecognitionsTitle), StoryItem.Recognition),
            Commitment.Permissive => (nameof(LearningText.StoryDecisionsTitle), StoryItem.Decision),
            Commitment.Systemic => (nameof(LearningText.StoryYouSaidTitle), StoryItem.YouSaidWeDid),
            _ => (null, null),
        };
        if (heading is null)
        {
            html.Append("</section>\n");
            return;
        }

        html.Append("<h3>").Append(E(T(heading))).Append("</h3>\n");
        var shared = items.Where(i => i.Kind == kind).ToList();
        if (shared.Count == 0)
        {
            html.Append("<p class=\"note\">").Append(E(T(nameof(LearningText.StoryNoItems)))).Append("</p>\n");
        }

        foreach (var item in shared)
        {
            html.Append("<blockquote>").Append(E(item.Text)).Append("</blockquote>\n");
            var who = item.Kind switch
            {
                StoryItem.Recognition => F(nameof(LearningText.StoryRecognitionBy), item.Who ?? T(nameof(LearningText.StorySomeone)), item.Whom ?? T(nameof(LearningText.StorySomeone))),
                StoryItem.Decision => F(nameof(LearningText.StoryDecisionBy), item.Who ?? T(nameof(LearningText.StorySomeone)), item.Whom ?? "") + (item.Detail is { Length: > 0 } outcome ? " · " + F(nameof(LearningText.StoryDecisionOutcome), outcome) : ""),
                _ => item.Detail is { Length: > 0 } changed ? F(nameof(LearningText.StoryYouSaidOutcome), changed) : "",
            };
            html.Append("<p class=\"who\">").Append(E(who)).Append(" · ").Append(E(LearningCards.Day(DateOnly.FromDateTime(item.At.UtcDateTime), culture))).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>Every text that reaches the page: HTML-encoded, so nothing anyone wrote can be markup or script.</summary>
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
