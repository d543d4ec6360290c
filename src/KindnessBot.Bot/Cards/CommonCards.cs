using KindnessBot.Bot.Resources;
using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Cards;

/// <summary>The cards every feature may send: welcome, help, the kind error replies and a short notice.</summary>
public sealed class CommonCards(IServiceProvider services) : CardSet
{
    // Resolved when the help card is first built: commands need cards, and the help card lists the commands.
    private ITextCommand[] Commands => [.. services.GetServices<ITextCommand>()];

    public CardMessage WelcomePersonal(string? locale) => Cached(locale, c => WelcomeCard.Build(forTeam: false, null, c));

    /// <param name="statement">The team's own statement of what kindness means (a team the bot is added back to keeps it), shown first.</param>
    public CardMessage WelcomeTeam(string? locale, string? statement = null) => statement is null
        ? Cached(locale, c => WelcomeCard.Build(forTeam: true, null, c))
        : Fresh(WelcomeCard.Build(forTeam: true, statement, Culture(locale)), nameof(WelcomeTeam));

    /// <summary>The welcome for a team's conversation, with the team's statement when it has one.</summary>
    public async Task<CardMessage> WelcomeTeamAsync(Core.Conversations.ConversationRecord scope, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return WelcomeTeam(locale, await StatementAsync(scope, cancellationToken));
    }

    /// <param name="statement">In a team's conversation, the team's own statement of what kindness means, shown first.</param>
    public CardMessage Help(bool inSharedConversation, string? locale, string? statement = null) => statement is null
        ? Cached(locale, c => HelpCard.Build(Commands, inSharedConversation, ReportBlocker(c), null, c), inSharedConversation ? "shared" : "personal")
        : Fresh(HelpCard.Build(Commands, inSharedConversation, ReportBlocker(Culture(locale)), statement, Culture(locale)), nameof(Help));

    /// <summary>The help card for this turn: in a team's conversation with the team's statement, when it has one.</summary>
    public async Task<CardMessage> HelpForAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var shared = turn.Activity.Conversation.ConversationType is "channel" or "groupChat";
        return Help(shared, turn.Activity.Locale, shared ? await StatementAsync(TurnFacts.Where(turn), cancellationToken) : null);
    }

    /// <summary>The team's statement, when the Listening feature is there and the team has written one.</summary>
    private async Task<string?> StatementAsync(Core.Conversations.ConversationRecord scope, CancellationToken cancellationToken) =>
        services.GetService<ITeamStatement>() is { } statements ? await statements.ForAsync(scope.TenantId, scope.ScopeId, cancellationToken) : null;

    private CardAction ReportBlocker(System.Globalization.CultureInfo culture) =>
        services.GetRequiredService<Dialogs.Dialogs>().Button(Localisation.Text(nameof(Strings.ReportBlockerButton), culture), Verbs.ReportBlockerForm, new Dictionary<string, object>());

    /// <summary>Something failed on the bot's side.</summary>
    public CardMessage Error(string? locale) => Cached(locale, c => ErrorCard.Build(nameof(Strings.ErrorTitle), nameof(Strings.ErrorBody), c, offerHelp: false));

    /// <summary>A card submit that was missing something, malformed or not allowed: nothing was stored.</summary>
    public CardMessage BadSubmit(string? locale) => Cached(locale, c => ErrorCard.Build(nameof(Strings.BadSubmitTitle), nameof(Strings.BadSubmitBody), c, offerHelp: true));

    /// <summary>An action or request this bot does not offer.</summary>
    public CardMessage Unsupported(string? locale) => Cached(locale, c => ErrorCard.Build(nameof(Strings.ErrorTitle), nameof(Strings.UnsupportedAction), c, offerHelp: true));

    /// <summary>A short answer: a title and a sentence, either of which may hold names (shown as plain text).</summary>
    public CardMessage Notice(string title, string text) => Fresh(NoticeCard.Build(title, text));
}
