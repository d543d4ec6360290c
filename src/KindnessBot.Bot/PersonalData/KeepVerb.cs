using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.PersonalData;

/// <summary>*Keep my data*: nothing changes, and the person is told so.</summary>
internal sealed class KeepVerb(PersonalChatOnly personal) : ButtonVerb
{
    public override string Verb => PersonalDataVerbs.Keep;

    protected override async Task PressedAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!await personal.RefusedAsync(turn, cancellationToken))
        {
            await personal.NoticeAsync(turn, nameof(PersonalDataText.EraseKept), cancellationToken);
        }
    }
}
