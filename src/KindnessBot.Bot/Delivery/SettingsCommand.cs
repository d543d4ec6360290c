using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Delivery;

/// <summary>"my settings" (also "quiet hours", "pause nudges"): in personal chat, the person's own settings card; elsewhere, a pointer to personal chat.</summary>
internal sealed class SettingsCommand(SettingsViews views, CommonCards common)
    : TextCommand("my settings", nameof(DeliveryText.CommandSettingsUsage), nameof(DeliveryText.CommandSettingsDescription), "settings", "quiet hours", "pause nudges", "pause")
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        if (TurnFacts.Where(turn).Kind != ConversationKind.Personal)
        {
            var title = TurnFacts.Text(turn, nameof(DeliveryText.SettingsTitle));
            await turn.SendActivityAsync(common.Notice(title, TurnFacts.Text(turn, nameof(DeliveryText.SettingsPersonalOnly))).ToActivity(), cancellationToken);
            return;
        }

        await turn.SendActivityAsync((await views.CardAsync(turn, null, cancellationToken)).ToActivity(), cancellationToken);
    }
}
