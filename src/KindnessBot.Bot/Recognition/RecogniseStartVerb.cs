using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>The "Recognise someone" button on the welcome and help cards.</summary>
internal sealed class RecogniseStartVerb(RecogniseCommand recognise) : ButtonVerb
{
    public override string Verb => Verbs.RecogniseStart;

    protected override Task PressedAsync(ITurnContext turn, CancellationToken cancellationToken) => recognise.SendCardAsync(turn, cancellationToken);
}
