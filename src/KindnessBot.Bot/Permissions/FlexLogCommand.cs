using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Permissions;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"flex log": for leaders, how their permissions are used; the first page for each team or chat they lead here.</summary>
internal sealed class FlexLogCommand(TurnScopes facts, PermissionService permissions, PermissionCards cards, CommonCards common)
    : TextCommand("flex log", nameof(PermissionText.CommandFlexLogUsage), nameof(PermissionText.CommandFlexLogDescription), "flexlog")
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var led = await facts.LedScopesAsync(turn, cancellationToken);
        if (led.Count == 0)
        {
            await SendNotALeaderAsync(turn, cancellationToken);
            return;
        }

        foreach (var scope in led.Take(3))
        {
            await SendPageAsync(turn, scope, 0, cancellationToken);
        }
    }

    /// <summary>A page of one scope's log; for anyone who does not lead there, the kind refusal instead. False when refused.</summary>
    public async Task<bool> SendPageAsync(ITurnContext turn, ConversationRecord? scope, int page, CancellationToken cancellationToken)
    {
        if (scope is null || await permissions.FlexLogAsync(scope, TurnFacts.Person(turn), cancellationToken) is not { } log)
        {
            await SendNotALeaderAsync(turn, cancellationToken);
            return false;
        }

        await turn.SendActivityAsync(cards.FlexLog(log, scope.ScopeId, page, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
        return true;
    }

    private async Task SendNotALeaderAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        await turn.SendActivityAsync(common.Notice(Localisation.Text(nameof(PermissionText.FlexLogTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, nameof(PermissionText.PermissionNotALeader))).ToActivity(), cancellationToken);
}
