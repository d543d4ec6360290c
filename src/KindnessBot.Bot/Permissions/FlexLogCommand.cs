using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Permissions;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"flex log": for leaders, how their permissions are used.</summary>
internal sealed class FlexLogCommand(TurnScopes facts, PermissionService permissions, PermissionCards cards, CommonCards common)
    : TextCommand("flex log", nameof(PermissionText.CommandFlexLogUsage), nameof(PermissionText.CommandFlexLogDescription), "flexlog")
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var led = await facts.LedScopesAsync(turn, cancellationToken);
        if (led.Count == 0)
        {
            await turn.SendActivityAsync(common.Notice(Localisation.Text(nameof(PermissionText.FlexLogTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, nameof(PermissionText.PermissionNotALeader))).ToActivity(), cancellationToken);
            return;
        }

        foreach (var scope in led.Take(3))
        {
            var log = await permissions.FlexLogAsync(scope, TurnFacts.Person(turn), cancellationToken);
            await turn.SendActivityAsync(cards.FlexLog(log!, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
        }
    }
}
