using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Recognition;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>"Make my summary": the summary card, with a link to the same summary as a file.</summary>
internal sealed class AppraisalSummaryVerb(RecognitionService recognitions, AppraisalLinks links, RecognitionCards cards, CommonCards common, TimeProvider time) : SubmitVerb<AppraisalSummaryVerb.Summarise>
{
    public override string Verb => RecognitionVerbs.AppraisalSummary;

    internal sealed record Summarise(int Months);

    protected override Parsed<Summarise> Parse(SubmitPayload payload)
    {
        var months = payload.Number("months", 1, 12);
        return months.IsValid && AppraisalCard.Periods.Contains(months.Value)
            ? Parsed<Summarise>.Valid(new Summarise(months.Value))
            : Parsed<Summarise>.Invalid(months.Problem ?? "months must be one of the periods offered");
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Summarise command, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind != ConversationKind.Personal)
        {
            await turn.SendActivityAsync(common.Notice(Localisation.Text(nameof(RecognitionText.AppraisalTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, nameof(RecognitionText.AppraisalPersonalOnly))).ToActivity(), cancellationToken);
            return null;
        }

        var received = await recognitions.ReceivedSinceAsync(where.TenantId, turn.Activity.From.Id, time.GetUtcNow().AddMonths(-command.Months), cancellationToken);
        var link = links.Create(where.TenantId, turn.Activity.From.Id, command.Months);
        await turn.SendActivityAsync(cards.AppraisalSummary(received, command.Months, link, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
        return null;
    }
}
