using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Learning;

/// <summary>
/// "how are we doing": in a team's channel or group chat, that team's last four weeks; in personal chat, the team the
/// person leads (or, leading several or being an admin, a choice). Always answered in the person's own chat.
/// </summary>
internal sealed class DashboardCommand(LearningViews views, TurnScopes scopes, IAuthorisation authorisation, LearningCards cards)
    : TextCommand("how are we doing", nameof(LearningText.CommandDashboardUsage), nameof(LearningText.CommandDashboardDescription), "how we are doing", "dashboard", "story of change")
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind != ConversationKind.Personal)
        {
            await views.TeamAsync(turn, where, 4, cancellationToken);
            return;
        }

        var led = (await scopes.LedScopesAsync(turn, cancellationToken)).Where(s => s.Kind != ConversationKind.Personal).DistinctBy(s => s.ScopeId).ToList();
        var isAdmin = await authorisation.IsAdminAsync(TurnFacts.Person(turn), cancellationToken);
        if (led.Count == 0 && !isAdmin)
        {
            await views.TellAsync(turn, nameof(LearningText.DashboardNoTeams), cancellationToken);
        }
        else if (led.Count == 1 && !isAdmin)
        {
            await views.TeamAsync(turn, led[0], 4, cancellationToken);
        }
        else
        {
            await turn.SendActivityAsync(cards.ChooseTeam(led, isAdmin, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
        }
    }
}

/// <summary>"rebuild aggregates" (admins): every count recomputed from the stored rows, and whether the kept ones agreed.</summary>
internal sealed class RebuildCommand(AggregateRebuild rebuild, LearningViews views)
    : TextCommand("rebuild aggregates", nameof(LearningText.CommandRebuildUsage), nameof(LearningText.CommandRebuildDescription))
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var (report, _) = await rebuild.RebuildAsync(TurnFacts.Where(turn).TenantId, TurnFacts.Person(turn), cancellationToken);
        if (report is null)
        {
            await views.TellAsync(turn, nameof(LearningText.DashboardNotAnAdmin), cancellationToken);
        }
        else if (report.Agreed)
        {
            await views.TellAsync(turn, nameof(LearningText.RebuildAgreed), cancellationToken, report.Measures, report.Teams, report.Weeks);
        }
        else
        {
            await views.TellAsync(turn, nameof(LearningText.RebuildDiffered), cancellationToken, report.Measures, report.Teams, report.Weeks, report.Differences.Count, report.Differences[0]);
        }
    }
}
