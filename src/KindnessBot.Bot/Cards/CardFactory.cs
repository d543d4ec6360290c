using System.Collections.Concurrent;
using KindnessBot.Bot.Routing;

namespace KindnessBot.Bot.Cards;

/// <summary>
/// Every card the bot sends, by name. Cards that do not depend on the person or the moment are built once per
/// language and kept.
/// </summary>
public sealed class CardFactory(IEnumerable<ITextCommand> commands)
{
    private readonly ConcurrentDictionary<(string Card, string Culture), CardMessage> _built = new();
    private readonly ITextCommand[] _commands = [.. commands];

    public CardMessage WelcomePersonal(string? locale) => Cached("welcome-personal", locale, c => WelcomeCard.Build(forTeam: false, c));

    public CardMessage WelcomeTeam(string? locale) => Cached("welcome-team", locale, c => WelcomeCard.Build(forTeam: true, c));

    public CardMessage Help(bool inSharedConversation, string? locale) =>
        Cached(inSharedConversation ? "help-shared" : "help-personal", locale, c => HelpCard.Build(_commands, inSharedConversation, c));

    /// <summary>Something failed on the bot's side.</summary>
    public CardMessage Error(string? locale) => Cached("error", locale, c => ErrorCard.Build("ErrorTitle", "ErrorBody", c, offerHelp: false));

    /// <summary>A card submit that was missing something, malformed or not allowed: nothing was stored.</summary>
    public CardMessage BadSubmit(string? locale) => Cached("bad-submit", locale, c => ErrorCard.Build("BadSubmitTitle", "BadSubmitBody", c, offerHelp: true));

    /// <summary>An action or request this bot does not offer.</summary>
    public CardMessage Unsupported(string? locale) => Cached("unsupported", locale, c => ErrorCard.Build("ErrorTitle", "UnsupportedAction", c, offerHelp: true));

    /// <summary>One example of every card, for validation against the Adaptive Cards SDK and for screenshots.</summary>
    public IEnumerable<CardMessage> Samples(string? locale) =>
    [
        WelcomePersonal(locale), WelcomeTeam(locale), Help(false, locale), Help(true, locale), Error(locale), BadSubmit(locale), Unsupported(locale),
    ];

    private CardMessage Cached(string name, string? locale, Func<System.Globalization.CultureInfo, AdaptiveCard> build)
    {
        var culture = Localisation.Culture(locale);
        return _built.GetOrAdd((name, culture.Name), key => new CardMessage(key.Card, build(culture)));
    }
}
