using KindnessBot.Bot.Routing;
using KindnessBot.Core.Recognition;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>"Show more" on the look-back card.</summary>
internal sealed class MyKindnessPageVerb(MyKindnessCommand myKindness) : SubmitVerb<MyKindnessPageVerb.Page>
{
    public override string Verb => RecognitionVerbs.MyKindnessPage;

    internal sealed record Page(int Number);

    protected override Parsed<Page> Parse(SubmitPayload payload)
    {
        var page = payload.Number("page", 0, RecognitionOptions.LookBackLimit);
        return page.IsValid ? Parsed<Page>.Valid(new Page(page.Value)) : Parsed<Page>.Invalid(page.Problem!);
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Page command, CancellationToken cancellationToken)
    {
        await myKindness.SendPageAsync(turn, command.Number, cancellationToken);
        return null;
    }
}
