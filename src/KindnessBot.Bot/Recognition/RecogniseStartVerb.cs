using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Recognition;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>The "Recognise someone" button on the welcome and help cards.</summary>
internal sealed class RecogniseStartVerb(RecogniseCommand recognise) : SubmitVerb<RecogniseStartVerb.Start>
{
    public override string Verb => Verbs.RecogniseStart;

    protected override Parsed<Start> Parse(SubmitPayload payload) => Parsed<Start>.Valid(new Start());

    protected override async Task<string?> HandleAsync(ITurnContext turn, Start command, CancellationToken cancellationToken)
    {
        await recognise.SendCardAsync(turn, cancellationToken);
        return null;
    }

    internal sealed record Start;
}
