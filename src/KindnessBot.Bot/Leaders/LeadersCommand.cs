using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Leaders;

/// <summary>
/// "leaders": in a team channel or group chat, who leads it (with the buttons to change that, for a leader or an
/// admin); in personal chat, one card per team the person leads, or for an admin every team.
/// </summary>
internal sealed class LeadersCommand(LeaderScopes targets, LeaderViews views, CommonCards common)
    : TextCommand("leaders", nameof(LeaderText.CommandLeadersUsage), nameof(LeaderText.CommandLeadersDescription), "team leaders", "who leads")
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var shown = await targets.ShownAsync(turn, cancellationToken);
        if (shown.Count == 0)
        {
            var title = Localisation.Text(nameof(LeaderText.LeadersTitle), TurnFacts.Culture(turn));
            var text = TurnFacts.Where(turn).Kind == ConversationKind.Personal ? nameof(LeaderText.LeadersPersonalNothing) : nameof(LeaderText.LeadersNotALeader);
            await turn.SendActivityAsync(common.Notice(title, TurnFacts.Text(turn, text)).ToActivity(), cancellationToken);
            return;
        }

        foreach (var scope in shown.Take(LeaderScopes.MaxCards))
        {
            await turn.SendActivityAsync((await views.CardAsync(turn, scope, null, cancellationToken)).ToActivity(), cancellationToken);
        }
    }
}
