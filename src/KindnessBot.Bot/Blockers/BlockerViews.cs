using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Blockers;

/// <summary>A team's list as the person of this turn may see it: with Respond buttons for its leaders.</summary>
internal sealed class BlockerViews(BlockerService blockers, BlockerDigests digests, IAuthorisation authorisation, BlockerCards cards)
{
    public async Task<CardMessage> ListAsync(ITurnContext turn, ConversationRecord scope, CancellationToken cancellationToken)
    {
        var team = await blockers.TeamAsync(scope, BlockerListCard.MaxOpen + 1, cancellationToken);
        var leads = await authorisation.IsLeaderAsync(scope, TurnFacts.Person(turn), cancellationToken);
        var name = scope.TeamName ?? TurnFacts.Text(turn, nameof(BlockerText.BlockersTitle));
        // The digest is posted where it is set: only in the team's own conversation, so only there are its settings.
        var here = TurnFacts.Where(turn).Kind != ConversationKind.Personal && leads;
        var digest = here ? await digests.FindAsync(scope.TenantId, scope.ScopeId, cancellationToken) : null;
        var zone = (turn.Activity as Microsoft.Bot.Schema.Activity)?.LocalTimezone;
        return cards.List(new BlockerListView(scope.ScopeId, name, team, leads, team.Open.Count > BlockerListCard.MaxOpen, here, digest, zone), TurnFacts.Locale(turn));
    }

    public static TeamChoice Choice(ConversationRecord team) => new(team.ScopeId, team.TeamName ?? team.ScopeId);
}
