using System.Globalization;
using System.Text;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Cards.Recognition;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Recognition;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>"appraisal summary": only in the person's own chat, only their own received kindness.</summary>
internal sealed class AppraisalCommand(CardFactory cards) : ITextCommand
{
    public string Name => "appraisal summary";

    public IReadOnlyList<string> Aliases { get; } = ["appraisal"];

    public string Usage(CultureInfo culture) => Localisation.Text("CommandAppraisalUsage", culture);

    public string Describe(CultureInfo culture) => Localisation.Text("CommandAppraisalDescription", culture);

    public Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(
            TurnFacts.Where(turn).Kind == ConversationKind.Personal
                ? cards.AppraisalPeriod(TurnFacts.Locale(turn)).ToActivity()
                : cards.Notice(Localisation.Text("AppraisalTitle", TurnFacts.Culture(turn)), TurnFacts.Text(turn, "AppraisalPersonalOnly")).ToActivity(),
            cancellationToken);
}

/// <summary>"Make my summary": the summary card, with a link to the same summary as a file.</summary>
internal sealed class AppraisalSummaryVerb(RecognitionService recognitions, AppraisalLinks links, CardFactory cards, TimeProvider time) : SubmitVerb<AppraisalSummaryVerb.Summarise>
{
    public override string Verb => Verbs.AppraisalSummary;

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
            await turn.SendActivityAsync(cards.Notice(Localisation.Text("AppraisalTitle", TurnFacts.Culture(turn)), TurnFacts.Text(turn, "AppraisalPersonalOnly")).ToActivity(), cancellationToken);
            return null;
        }

        var received = await recognitions.ReceivedSinceAsync(where.TenantId, turn.Activity.From.Id, time.GetUtcNow().AddMonths(-command.Months), cancellationToken);
        var link = links.Create(where.TenantId, turn.Activity.From.Id, command.Months);
        await turn.SendActivityAsync(cards.AppraisalSummary(received, command.Months, link, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
        return null;
    }
}

/// <summary>The appraisal summary as a Markdown file, for the person to keep or share as they choose.</summary>
internal static class AppraisalFile
{
    public static string Write(KindnessLookBack received, int months, CultureInfo culture)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(string.Format(culture, Localisation.Text("AppraisalSummaryTitle", culture), months)).AppendLine();
        text.AppendLine(string.Format(culture, Localisation.Text("AppraisalSummaryCount", culture), received.Received.Count, received.Received.Select(r => r.GiverId).Distinct().Count())).AppendLine();
        foreach (var (commitment, count) in received.ReceivedByCommitment.OrderBy(p => p.Key))
        {
            text.Append("- ").Append(commitment.Name(culture)).Append(": ").Append(count.ToString(culture)).AppendLine();
        }

        foreach (var item in received.Received)
        {
            text.AppendLine().Append("> ").AppendLine(item.Text.ReplaceLineEndings("\n> "));
            text.AppendLine().AppendLine(string.Format(culture, Localisation.Text("LookBackFrom", culture), item.GiverName, RecognitionText.Date(item.GivenAt, culture)));
        }

        return text.ToString();
    }
}
