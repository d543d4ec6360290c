using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Recognition;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>Where permissions apply for this turn: the chat or team it happens in, or, in personal chat, the person's teams.</summary>
internal sealed class PermissionFacts(RecognitionService people, IConversationStore conversations, PermissionService permissions)
{
    public async Task<IReadOnlyList<ConversationRecord>> ScopesAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        return where.Kind == ConversationKind.Personal
            ? await people.TeamsOfAsync(TurnFacts.Person(turn), where.TenantId, cancellationToken)
            : [where];
    }

    /// <summary>The scopes this person leads, among those of this turn.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> LedScopesAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var person = TurnFacts.Person(turn);
        var led = new List<ConversationRecord>();
        foreach (var scope in await ScopesAsync(turn, cancellationToken))
        {
            if (await permissions.IsLeaderAsync(scope, person, cancellationToken))
            {
                led.Add(scope);
            }
        }

        return led;
    }

    /// <summary>
    /// The stored team or chat a card's "scope" names, if this turn may act on it: in a channel or group chat only
    /// its own scope; in personal chat, one of the person's teams.
    /// </summary>
    public async Task<ConversationRecord?> AllowedScopeAsync(ITurnContext turn, string scopeId, CancellationToken cancellationToken) =>
        (await ScopesAsync(turn, cancellationToken)).FirstOrDefault(s => s.ScopeId == scopeId) is { } scope
            ? await conversations.FindAsync(scope.TenantId, scopeId, cancellationToken) ?? scope
            : null;

    public static Person Person(ITurnContext turn) => TurnFacts.Person(turn);
}
