using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Recognition;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>"my kindness": what the person received and gave, newest first, a page at a time.</summary>
internal sealed class MyKindnessCommand(RecognitionService recognitions, RecognitionCards cards)
    : TextCommand("my kindness", nameof(RecognitionText.CommandMyKindnessUsage), nameof(RecognitionText.CommandMyKindnessDescription), "mykindness", "my recognitions")
{
    public override Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) => SendPageAsync(turn, 0, cancellationToken);

    public async Task SendPageAsync(ITurnContext turn, int page, CancellationToken cancellationToken)
    {
        var lookBack = await recognitions.LookBackAsync(TurnFacts.Where(turn).TenantId, turn.Activity.From.Id, cancellationToken);
        await turn.SendActivityAsync(cards.LookBack(lookBack, page, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
    }
}
