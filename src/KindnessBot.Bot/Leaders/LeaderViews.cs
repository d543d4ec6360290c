using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Leaders;

/// <summary>Builds the leaders card for one team as the person of this turn may see it.</summary>
internal sealed class LeaderViews(LeaderService leaders, IAuthorisation authorisation, PersonScopes people, LeaderCards cards)
{
    public async Task<CardMessage> CardAsync(ITurnContext turn, ConversationRecord scope, string? notice, CancellationToken cancellationToken)
    {
        var current = await leaders.LeadersAsync(scope, cancellationToken);
        var canChange = await authorisation.IsLeaderAsync(scope, TurnFacts.Person(turn), cancellationToken);
        IReadOnlyList<Person> candidates = canChange
            ? [.. (await people.MembersAsync([scope], scope.TenantId, cancellationToken)).Where(m => !m.IsGuest && !current.Any(l => l.TeamsId == m.TeamsId))]
            : [];
        var name = scope.TeamName ?? (scope.Kind == ConversationKind.Channel ? scope.ScopeId : TurnFacts.Text(turn, nameof(LeaderText.LeadersThisChat)));
        return cards.Leaders(new LeadersView(scope.ScopeId, name, current, canChange, candidates, notice), TurnFacts.Locale(turn));
    }
}
