using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Permissions;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"i flexed" (and "I used this"): the decision form, with the permissions the person could have relied on.</summary>
internal sealed class FlexedCommand(TurnScopes facts, PermissionService permissions, PermissionCards cards, CommonCards common)
    : TextCommand("i flexed", nameof(PermissionText.CommandIFlexedUsage), nameof(PermissionText.CommandIFlexedDescription), "flexed", "i flex")
{
    public override Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) => SendFormAsync(turn, null, cancellationToken);

    public async Task<CardMessage> FormAsync(ITurnContext turn, string? selected, CancellationToken cancellationToken)
    {
        var scopes = await facts.ScopesAsync(turn, cancellationToken);
        if (scopes.Count == 0)
        {
            return common.Notice(Localisation.Text(nameof(PermissionText.DecisionFormTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, nameof(PermissionText.DecisionNowhere)));
        }

        var culture = TurnFacts.Culture(turn);
        var statements = await permissions.ApplicableAsync(TurnFacts.Where(turn).TenantId, scopes, cancellationToken);
        var ownJudgement = scopes.Select(s => new Choice(
            scopes.Count == 1 ? Localisation.Text(nameof(PermissionText.DecisionOwnJudgement), culture) : string.Format(culture, Localisation.Text(nameof(PermissionText.DecisionOwnJudgementIn), culture), s.TeamName ?? s.ScopeId),
            $"{s.ScopeId}|own"));
        return cards.DecisionForm([.. statements.Select(s => new Choice(s.What, $"{s.ScopeId}|{s.Key}"))], [.. ownJudgement], selected, TurnFacts.Locale(turn));
    }

    public async Task SendFormAsync(ITurnContext turn, string? selected, CancellationToken cancellationToken) =>
        await turn.SendActivityAsync((await FormAsync(turn, selected, cancellationToken)).ToActivity(), cancellationToken);
}
