using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace KindnessBot.Bot.Cards;

/// <summary>
/// What every feature's cards have in common: each card is named after its set and method ("RecognitionCards.Consent",
/// and a variant after ':'), and cards that depend on neither the person nor the moment are built once per language.
/// </summary>
public abstract class CardSet
{
    private readonly ConcurrentDictionary<(string Card, string Culture), CardMessage> _built = new();

    protected CardMessage Fresh(AdaptiveCard card, [CallerMemberName] string name = "") => new($"{GetType().Name}.{name}", card);

    protected CardMessage Cached(string? locale, Func<CultureInfo, AdaptiveCard> build, string? variant = null, [CallerMemberName] string name = "")
    {
        ArgumentNullException.ThrowIfNull(build);
        var culture = Localisation.Culture(locale);
        var fullName = $"{GetType().Name}.{name}" + (variant is null ? string.Empty : ":" + variant);
        return _built.GetOrAdd((fullName, culture.Name), key => new CardMessage(key.Card, build(culture)));
    }

    protected static CultureInfo Culture(string? locale) => Localisation.Culture(locale);
}
