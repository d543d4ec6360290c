using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.PersonalData;

/// <summary>"my data": in the person's own chat, a short-lived link to everything stored about them.</summary>
internal sealed class MyDataCommand(PersonalDataLinks links, PersonalDataCards cards, PersonalChatOnly personal)
    : TextCommand("my data", nameof(PersonalDataText.CommandMyDataUsage), nameof(PersonalDataText.CommandMyDataDescription))
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        if (await personal.RefusedAsync(turn, cancellationToken))
        {
            return;
        }

        var person = TurnFacts.Person(turn);
        var link = links.DownloadLink(TurnFacts.Where(turn).TenantId, person.TeamsId, person.Name);
        await turn.SendActivityAsync(cards.DownloadLink(link, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
    }
}
