using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.PersonalData;

/// <summary>A person's data is spoken of only in their own chat; anywhere else, a kind pointer there and nothing else.</summary>
internal sealed class PersonalChatOnly(CommonCards common)
{
    public async Task<bool> RefusedAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (TurnFacts.Where(turn).Kind == ConversationKind.Personal)
        {
            return false;
        }

        await NoticeAsync(turn, nameof(PersonalDataText.DataPersonalOnly), cancellationToken);
        return true;
    }

    public Task NoticeAsync(ITurnContext turn, string text, CancellationToken cancellationToken, string title = nameof(PersonalDataText.DataTitle), params object[] arguments) =>
        turn.SendActivityAsync(common.Notice(Localisation.Text(title, TurnFacts.Culture(turn)), TurnFacts.Text(turn, text, arguments)).ToActivity(), cancellationToken);
}
