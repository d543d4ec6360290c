using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Leaders;

/// <summary>
/// Which teams a leaders card or submit may be about: in a channel or group chat only that one; in personal chat a
/// team of the person's (or, for an admin, any team of their tenant the bot is in). Card ids name a team; the tenant
/// always comes from the activity, so a forged id finds nothing.
/// </summary>
internal sealed class LeaderScopes(TurnScopes scopes, IConversationStore conversations, IAuthorisation authorisation)
{
    /// <summary>More teams than this in personal chat are not shown as cards at once.</summary>
    public const int MaxCards = 10;

    public async Task<IReadOnlyList<ConversationRecord>> ShownAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind != ConversationKind.Personal)
        {
            return [where];
        }

        return await authorisation.IsAdminAsync(TurnFacts.Person(turn), cancellationToken)
            ? await conversations.ListTeamsAsync(where.TenantId, cancellationToken)
            : await scopes.LedScopesAsync(turn, cancellationToken);
    }

    public async Task<ConversationRecord?> TargetAsync(ITurnContext turn, string teamId, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind != ConversationKind.Personal)
        {
            return teamId == where.ScopeId ? where : null;
        }

        if (await authorisation.IsAdminAsync(TurnFacts.Person(turn), cancellationToken))
        {
            return (await conversations.ListTeamsAsync(where.TenantId, cancellationToken)).FirstOrDefault(t => t.ScopeId == teamId);
        }

        return await scopes.AllowedScopeAsync(turn, teamId, cancellationToken);
    }
}
