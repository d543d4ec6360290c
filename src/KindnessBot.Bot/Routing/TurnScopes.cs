using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Routing;

/// <summary>
/// Where the person of this turn may act, and lead, for every feature: <see cref="PersonScopes"/> with the turn's
/// person and conversation filled in.
/// </summary>
public sealed class TurnScopes(PersonScopes scopes)
{
    public Task<IReadOnlyList<ConversationRecord>> ScopesAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        scopes.ScopesAsync(TurnFacts.Person(turn), TurnFacts.Where(turn), cancellationToken);

    /// <summary>The scopes this person leads, among those of this turn.</summary>
    public Task<IReadOnlyList<ConversationRecord>> LedScopesAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        scopes.LedScopesAsync(TurnFacts.Person(turn), TurnFacts.Where(turn), cancellationToken);

    /// <summary>
    /// The stored team or chat a card's "scope" names, if this turn may act on it: in a channel or group chat only
    /// its own scope; in personal chat, one of the person's teams.
    /// </summary>
    public Task<ConversationRecord?> AllowedScopeAsync(ITurnContext turn, string scopeId, CancellationToken cancellationToken) =>
        scopes.AllowedScopeAsync(TurnFacts.Person(turn), TurnFacts.Where(turn), scopeId, cancellationToken);

    /// <summary>The teams the person of this turn belongs to, wherever the turn is.</summary>
    public Task<IReadOnlyList<ConversationRecord>> TeamsAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        scopes.TeamsOfAsync(TurnFacts.Person(turn), TurnFacts.Where(turn).TenantId, cancellationToken);
}
