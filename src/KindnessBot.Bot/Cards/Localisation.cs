using KindnessBot.Bot.Resources;
using System.Globalization;
using System.Resources;
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

    // Every resx of this assembly: the shared Strings and each feature's own <Feature>Text, found rather than listed,
    // so a new feature's texts need no line here. Names are unique across them (a test checks).
    private static readonly ResourceManager[] Resources =
    [
        .. typeof(Localisation).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".resources", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new ResourceManager(n[..^".resources".Length], typeof(Localisation).Assembly)),
    ];

    /// <summary>A text by name: name it with nameof (nameof(Strings.HelpTitle), nameof(RecognitionText.ConsentTitle)).</summary>
    public static string Text(string name, CultureInfo culture)
    {
        foreach (var resources in Resources)
        {
            if (resources.GetString(name, culture) is { } text)
            {
                return text;
            }
        }

        throw new InvalidOperationException($"No text named {name}.");
    }

    /// <summary>Every text name of every resx, with the resource it is in (for the tests that read them all).</summary>
    internal static IEnumerable<(string Resource, string Name)> AllNames() =>
        Resources.SelectMany(r => r.GetResourceSet(Neutral, createIfNotExists: true, tryParents: true)!.Cast<System.Collections.DictionaryEntry>().Select(e => (r.BaseName, (string)e.Key)));

    public static string Name(this Commitment commitment, CultureInfo culture) => Text($"Commitment{commitment}Name", culture);

    public static string Summary(this Commitment commitment, CultureInfo culture) => Text($"Commitment{commitment}Summary", culture);
}
