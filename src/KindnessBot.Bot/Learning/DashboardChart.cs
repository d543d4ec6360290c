using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Learning;
using ScottPlot;

namespace KindnessBot.Bot.Learning;

/// <summary>
/// The dashboard's pictures, drawn by ScottPlot: a PNG of four small bar charts for the card (Teams shows PNG, and a URL
/// keeps the card far inside its 28 KB), and one SVG per section for the story of change (inline, so the page needs
/// nothing from elsewhere). A week withheld by the five-person rule has no bar and a dash for its label.
/// </summary>
internal static class DashboardChart
{
    public const int Width = 520;
    public const int Height = 300;
    private static readonly Color Bar = Color.FromHex("#6264A7");
    private static readonly Color Ink = Color.FromHex("#252423");
    private static readonly Color Rule = Color.FromHex("#C8C6C4");

    /// <summary>The sections the card's picture shows, in order, with their chart's title.</summary>
    public static readonly (Commitment Commitment, string Title)[] Panels =
    [
        (Commitment.Understanding, nameof(LearningText.ChartRecognitions)),
        (Commitment.Reflective, nameof(LearningText.ChartWellbeing)),
        (Commitment.Permissive, nameof(LearningText.ChartDecisions)),
        (Commitment.Systemic, nameof(LearningText.ChartBlockers)),
    ];

    public static byte[] Png(TeamDashboard dashboard, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var multiplot = new Multiplot();
        multiplot.AddPlots(Panels.Length);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: 2, columns: 2);
        for (var i = 0; i < Panels.Length; i++)
        {
            if (dashboard.Section(Panels[i].Commitment) is { } section)
            {
                Draw(multiplot.GetPlot(i), section, Localisation.Text(Panels[i].Title, culture), culture);
            }
        }

        using var image = multiplot.Render(Width, Height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    public static string Svg(DashboardSection section, string title, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(section);
        var plot = new Plot();
        Draw(plot, section, title, culture);
        return plot.GetSvgXml(640, 220);
    }

    private static void Draw(Plot plot, DashboardSection section, string title, CultureInfo culture)
    {
        var bars = section.Chart.Select((point, i) => new ScottPlot.Bar
        {
            Position = i,
            Value = point.Value.Value ?? 0,
            FillColor = Bar,
            LineWidth = 0,
            Label = point.Value.Withheld ? "–" : point.Value.Value is { } v ? v.ToString(section.ChartKind == FigureKind.Count ? "0" : "0.0", culture) : "",
        }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 9;
        plotted.ValueLabelStyle.ForeColor = Ink;
        plot.Title(title, size: 11);
        plot.Axes.Title.Label.ForeColor = Ink;
        plot.Axes.Left.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        var every = section.Chart.Count > 6 ? 3 : 1;
        var ticks = Enumerable.Range(0, section.Chart.Count).Where(i => i % every == 0).ToArray();
        plot.Axes.Bottom.SetTicks(
            [.. ticks.Select(i => (double)i)],
            [.. ticks.Select(i => Core.Measures.IsoWeeks.Monday(section.Chart[i].Week).ToString("d MMM", culture))]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 8;
        plot.Axes.Bottom.TickLabelStyle.ForeColor = Ink;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.FrameLineStyle.Color = Rule;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Left.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Margins(bottom: 0, top: 0.25);
        plot.Grid.IsVisible = false;
        if (bars.All(b => b.Value == 0))
        {
            // Nothing to draw yet: a fixed height, so an empty chart is a flat line, not a scale of nothing.
            plot.Axes.SetLimitsY(0, 1);
        }
    }
}
