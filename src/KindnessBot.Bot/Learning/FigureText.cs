using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Learning;

namespace KindnessBot.Bot.Learning;

/// <summary>How a figure reads, the same on the card, in the story and its CSV: its label, its value, and a plain reading of its trend.</summary>
internal static class FigureText
{
    public static string Label(string key, CultureInfo culture) => Localisation.Text("Figure_" + key, culture);

    public static string Section(Commitment commitment, CultureInfo culture) => Localisation.Text("Section" + commitment, culture);

    public static string Value(Reading reading, FigureKind kind, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.Withheld ? Localisation.Text(nameof(LearningText.DashboardNotShown), culture)
            : reading.Value is not { } value ? Localisation.Text(nameof(LearningText.DashboardNoneYet), culture)
            : Number(value, kind, culture);
    }

    /// <summary>The value alone, for the CSV: empty when withheld or none.</summary>
    public static string Raw(Reading reading, FigureKind kind) =>
        reading is { Withheld: false, Value: { } value } ? Number(value, kind, CultureInfo.InvariantCulture) : "";

    public static string Both(DashboardFigure figure, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return string.Format(culture, Localisation.Text(nameof(LearningText.DashboardFigure), culture), Value(figure.Now, figure.Kind, culture), Value(figure.Before, figure.Kind, culture));
    }

    /// <summary>"Recognitions given went up, from 9 to 12." and the like; "about the same" within a tenth.</summary>
    public static string Reading(DashboardFigure figure, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var label = Label(figure.Key, culture);
        if (figure.Now.Withheld || figure.Before.Withheld)
        {
            return string.Format(culture, Localisation.Text(nameof(LearningText.StoryReadingWithheld), culture), label);
        }

        if (figure.Now.Value is not { } now || figure.Before.Value is not { } before)
        {
            return string.Format(culture, Localisation.Text(nameof(LearningText.StoryReadingNone), culture), label);
        }

        var name = Math.Abs(now - before) <= Math.Max(0.1, Math.Abs(before) * 0.1) ? nameof(LearningText.StoryReadingSame)
            : now > before ? nameof(LearningText.StoryReadingUp) : nameof(LearningText.StoryReadingDown);
        return string.Format(culture, Localisation.Text(name, culture), label, Number(now, figure.Kind, culture), Number(before, figure.Kind, culture));
    }

    private static string Number(double value, FigureKind kind, CultureInfo culture) =>
        kind is FigureKind.Count or FigureKind.Days && value == Math.Floor(value) ? value.ToString("0", culture) : value.ToString("0.0", culture);
}
