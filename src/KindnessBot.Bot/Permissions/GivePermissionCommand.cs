using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"give permission": the leader's form.</summary>
internal sealed class GivePermissionCommand(TurnScopes facts, PermissionCards cards, CommonCards common, TimeProvider time)
    : TextCommand("give permission", nameof(PermissionText.CommandGivePermissionUsage), nameof(PermissionText.CommandGivePermissionDescription), "permission to", "permit")
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var led = await facts.LedScopesAsync(turn, cancellationToken);
        var personal = TurnFacts.Where(turn).Kind == ConversationKind.Personal;
        var card = led.Count == 0
            ? common.Notice(Localisation.Text(nameof(PermissionText.PermissionFormTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, personal ? nameof(PermissionText.PermissionNoLeaderTeams) : nameof(PermissionText.PermissionNotALeader)))
            : cards.PermissionForm(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), personal ? [.. led.Select(t => (t.ScopeId, t.TeamName ?? t.ScopeId))] : null, TurnFacts.Locale(turn));
        await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
    }
}
