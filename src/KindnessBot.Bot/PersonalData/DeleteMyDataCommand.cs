using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.PersonalData;

/// <summary>"delete my data": in the person's own chat, the confirmation card; nothing is erased until they say yes.</summary>
internal sealed class DeleteMyDataCommand(PersonalDataLinks links, PersonalDataCards cards, PersonalChatOnly personal)
    : TextCommand("delete my data", nameof(PersonalDataText.CommandDeleteMyDataUsage), nameof(PersonalDataText.CommandDeleteMyDataDescription), "erase my data")
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        if (await personal.RefusedAsync(turn, cancellationToken))
        {
            return;
        }

        var confirmation = links.Confirmation(TurnFacts.Where(turn).TenantId, TurnFacts.Person(turn).TeamsId);
        await turn.SendActivityAsync(cards.ConfirmErase(confirmation, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
    }
}
