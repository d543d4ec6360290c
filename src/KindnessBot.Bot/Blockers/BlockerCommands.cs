using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Conversations;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Blockers;

/// <summary>
/// "blocker": in personal chat, the report form (choosing one of the person's teams); in a channel or group chat, an
/// invitation whose button opens the form for whoever presses it, so nobody is seen starting a report.
/// </summary>
internal sealed class BlockerCommand(BlockerReportForm form, BlockerCards cards, BlockerReplies replies)
    : TextCommand("blocker", nameof(BlockerText.CommandBlockerUsage), nameof(BlockerText.CommandBlockerDescription), "report a blocker", "report blocker", "raise a blocker")
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind != ConversationKind.Personal)
        {
            await turn.SendActivityAsync(cards.Invite(where.ScopeId, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
            return;
        }

        if (await form.ViewAsync(turn, Parsed<string?>.Valid(null), cancellationToken) is not { } view)
        {
            await replies.TellAsync(turn, nameof(BlockerText.ReportNoTeams), cancellationToken);
            return;
        }

        await turn.SendActivityAsync(cards.ReportForm(view, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
    }
}

/// <summary>
/// "blockers" (and "my reports", "triage"): in a channel or group chat, its list (leaders respond from it); in
/// personal chat, the person's own reports and then the lists of their teams (at most <see cref="MaxTeams"/>).
/// </summary>
internal sealed class BlockersCommand(BlockerService blockers, BlockerViews views, BlockerCards cards, TurnScopes scopes, BlockerReplies replies)
    : TextCommand("blockers", nameof(BlockerText.CommandBlockersUsage), nameof(BlockerText.CommandBlockersDescription), "my reports", "my blockers", "triage", "team blockers")
{
    public const int MaxTeams = 3;

    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind != ConversationKind.Personal)
        {
            await turn.SendActivityAsync((await views.ListAsync(turn, where, cancellationToken)).ToActivity(), cancellationToken);
            return;
        }

        var mine = await blockers.MyReportsAsync(where.TenantId, TurnFacts.Person(turn), cancellationToken);
        await turn.SendActivityAsync(cards.MyReports(mine, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
        var teams = await scopes.TeamsAsync(turn, cancellationToken);
        if (teams.Count == 0)
        {
            await replies.TellAsync(turn, nameof(BlockerText.BlockersPersonalNothing), cancellationToken);
            return;
        }

        foreach (var team in teams.Take(MaxTeams))
        {
            await turn.SendActivityAsync((await views.ListAsync(turn, team, cancellationToken)).ToActivity(), cancellationToken);
        }
    }
}
