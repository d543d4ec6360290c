using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Dialogs;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Blockers;

/// <summary>
/// The report form, for the buttons on the help card, the channel's invitation and a team's list: for the team the
/// button names (one this turn may act on) or, in personal chat without one, a choice of the person's teams. Each
/// opening makes a new form id, so sending one form twice stores one blocker.
/// </summary>
internal sealed class BlockerReportForm(TurnScopes scopes, BlockerCards cards) : IDialogForm
{
    public string Name => BlockerVerbs.ReportForm;

    public async Task<DialogForm?> OpenAsync(ITurnContext turn, SubmitPayload data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var view = await ViewAsync(turn, data.Text("team", 256, required: false), cancellationToken);
        return view is null ? null : new DialogForm(TurnFacts.Text(turn, nameof(BlockerText.ReportTitle)), cards.ReportForm(view, TurnFacts.Locale(turn)));
    }

    /// <summary>The form for this turn, or null when there is no team to send it to.</summary>
    public async Task<ReportFormView?> ViewAsync(ITurnContext turn, Parsed<string?> team, CancellationToken cancellationToken)
    {
        var formId = Guid.NewGuid().ToString("N");
        var where = TurnFacts.Where(turn);
        if (!team.IsValid)
        {
            return null;
        }

        if (team.Value is { } named)
        {
            return await scopes.AllowedScopeAsync(turn, named, cancellationToken) is { } scope ? new ReportFormView(formId, [], scope.ScopeId) : null;
        }

        if (where.Kind != ConversationKind.Personal)
        {
            return new ReportFormView(formId, [], where.ScopeId);
        }

        var teams = await scopes.TeamsAsync(turn, cancellationToken);
        return teams.Count == 0 ? null : new ReportFormView(formId, [.. teams.Select(BlockerViews.Choice)], null);
    }
}

/// <summary>A leader's form for one open blocker of a team they lead (or, for an admin, any team this turn may act on).</summary>
internal sealed class BlockerRespondForm(TurnScopes scopes, IAuthorisation authorisation, BlockerService blockers, IConversationStore conversations, BlockerCards cards) : IDialogForm
{
    public string Name => BlockerVerbs.RespondForm;

    public async Task<DialogForm?> OpenAsync(ITurnContext turn, SubmitPayload data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var team = data.Id("team");
        var id = data.Id("blocker");
        if (!team.IsValid || !id.IsValid
            || await scopes.AllowedScopeAsync(turn, team.Value!, cancellationToken) is not { } scope
            || !await authorisation.IsLeaderAsync(scope, TurnFacts.Person(turn), cancellationToken)
            || await blockers.FindAsync(scope, id.Value!, cancellationToken) is not { IsClosed: false } blocker)
        {
            return null;
        }

        var others = await blockers.TriageAsync(scope, RespondFormCard.MaxOthers + 1, null, cancellationToken);
        var teams = await conversations.ListTeamsAsync(scope.TenantId, cancellationToken);
        var view = new RespondView(scope.ScopeId, blocker, others.Items, [.. teams.Select(BlockerViews.Choice)]);
        return new DialogForm(TurnFacts.Text(turn, nameof(BlockerText.RespondTitle)), cards.Respond(view, TurnFacts.Locale(turn)));
    }
}
