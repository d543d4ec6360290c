using System.Globalization;
using KindnessBot.Bot.Resources;
using KindnessBot.Core.Commitments;

namespace KindnessBot.Bot.Cards;

/// <summary>Text for a person's locale. en-GB is the neutral language; other languages add Strings.{culture}.resx.</summary>
internal static class Localisation
{
    private static readonly CultureInfo Neutral = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length > 20)
        {
            return Neutral;
        }

        try
        {
            return CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return Neutral;
        }
    }

    public static string Text(string name, CultureInfo culture) =>
        Strings.ResourceManager.GetString(name, culture) ?? throw new InvalidOperationException($"No text named {name}.");

    public static string Name(this Commitment commitment, CultureInfo culture) => Text($"Commitment{commitment}Name", culture);

    public static string Summary(this Commitment commitment, CultureInfo culture) => Text($"Commitment{commitment}Summary", culture);
}
