using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Learning;

/// <summary>
/// Shows the dashboards and the story's links, for the commands and the verbs alike. Everything goes to the person's own
/// chat (<see cref="Conversations.PrivateReplies"/>): how a team is doing is for its leaders. The checks are Core's
/// (<see cref="LearningService"/>); a refusal is a kind sentence and shows nothing.
/// </summary>
internal sealed class LearningViews(LearningService learning, IAuthorisation authorisation, LearningCards cards, LearningLinks links, Conversations.PrivateReplies replies, CommonCards common, TimeProvider time)
{
    public async Task TeamAsync(ITurnContext turn, ConversationRecord scope, int weeks, CancellationToken cancellationToken)
    {
        var person = TurnFacts.Person(turn);
        var (dashboard, refusal) = await learning.TeamAsync(scope, person, weeks, cancellationToken);
        if (dashboard is null)
        {
            await TellAsync(turn, Refusal(refusal), cancellationToken);
            return;
        }

        var name = scope.TeamName ?? TurnFacts.Text(turn, nameof(LearningText.LearningTitle));
        var card = cards.Dashboard(dashboard, name, links.Chart(scope.TenantId, scope.ScopeId, dashboard.Period), await authorisation.IsAdminAsync(person, cancellationToken), TurnFacts.Locale(turn));
        await replies.SendAsync(turn, card.ToActivity(), cancellationToken);
    }

    public async Task OrganisationAsync(ITurnContext turn, int weeks, CancellationToken cancellationToken)
    {
        var tenant = TurnFacts.Where(turn).TenantId;
        var (dashboard, refusal) = await learning.OrganisationAsync(tenant, TurnFacts.Person(turn), weeks, cancellationToken);
        if (dashboard is null)
        {
            await TellAsync(turn, Refusal(refusal), cancellationToken);
            return;
        }

        var card = cards.Organisation(dashboard, links.Chart(tenant, AggregateKeys.WholeOrganisation, dashboard.Whole.Period), TurnFacts.Locale(turn));
        await replies.SendAsync(turn, card.ToActivity(), cancellationToken);
    }

    /// <summary>The story's links, for a leader of the team: the story itself is made when they open it.</summary>
    public async Task StoryAsync(ITurnContext turn, ConversationRecord scope, int weeks, CancellationToken cancellationToken)
    {
        var person = TurnFacts.Person(turn);
        if (!LearningService.StoryLengths.Contains(weeks))
        {
            await TellAsync(turn, nameof(LearningText.DashboardBadPeriod), cancellationToken);
            return;
        }

        if (!await authorisation.IsLeaderAsync(scope, person, cancellationToken))
        {
            await TellAsync(turn, nameof(LearningText.DashboardNotALeader), cancellationToken);
            return;
        }

        var grant = new StoryGrant(scope.TenantId, person.TeamsId, scope.ScopeId, weeks);
        var period = DashboardPeriod.Ending(time.GetUtcNow(), weeks);
        var card = cards.StoryReady(scope.TeamName ?? TurnFacts.Text(turn, nameof(LearningText.LearningTitle)), period, links.Story(grant), links.Story(grant, csv: true), TurnFacts.Locale(turn));
        await replies.SendAsync(turn, card.ToActivity(), cancellationToken);
    }

    public Task TellAsync(ITurnContext turn, string text, CancellationToken cancellationToken, params object[] arguments) =>
        replies.SendAsync(turn, common.Notice(TurnFacts.Text(turn, nameof(LearningText.LearningTitle)), TurnFacts.Text(turn, text, arguments)).ToActivity(), cancellationToken);

    private static string Refusal(LearningRefusal? refusal) => refusal switch
    {
        LearningRefusal.NotAnAdmin => nameof(LearningText.DashboardNotAnAdmin),
        LearningRefusal.BadPeriod => nameof(LearningText.DashboardBadPeriod),
        _ => nameof(LearningText.DashboardNotALeader),
    };
}
