using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Recognition;
using KindnessBot.Core.Storage;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>The recipient's "Share with my team" or "Keep it between us".</summary>
internal sealed class ConsentVerb(RecognitionService recognitions, CommonCards cards) : SubmitVerb<ConsentVerb.Decide>
{
    public override string Verb => RecognitionVerbs.Consent;

    internal sealed record Decide(string Key, bool Share);

    /// <summary>The recognition's key in a button's data. Cards sent before it was renamed carry it as "key", which the Adaptive Cards SDK reserves (see <see cref="SubmitAction.ReservedNames"/>).</summary>
    public const string RecognitionField = "recognition";

    protected override Parsed<Decide> Parse(SubmitPayload payload)
    {
        var key = payload.RenamedText(RecognitionField, "key", 64);
        var decision = payload.Text("decision", 16, required: true);
        if (!key.IsValid || !decision.IsValid)
        {
            return Parsed<Decide>.Invalid(key.Problem ?? decision.Problem!);
        }

        if (!RecordKey.IsKey(key.Value))
        {
            return Parsed<Decide>.Invalid("key is not a recognition key");
        }

        return decision.Value switch
        {
            "share" => Parsed<Decide>.Valid(new Decide(key.Value!, true)),
            "private" => Parsed<Decide>.Valid(new Decide(key.Value!, false)),
            _ => Parsed<Decide>.Invalid("decision must be share or private"),
        };
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Decide command, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        var (outcome, recognition) = await recognitions.DecideAsync(where.TenantId, turn.Activity.From.Id, command.Key, command.Share, cancellationToken);
        var text = outcome switch
        {
            DecideOutcome.Decided when command.Share => TurnFacts.Text(turn, nameof(RecognitionText.DecidedShared), recognition!.CelebrateInTeamName ?? Localisation.Text(nameof(RecognitionText.YourTeam), TurnFacts.Culture(turn))),
            DecideOutcome.Decided => TurnFacts.Text(turn, nameof(RecognitionText.DecidedPrivate), recognition!.GiverName),
            DecideOutcome.AlreadyDecided => TurnFacts.Text(turn, nameof(RecognitionText.DecidedAlready)),
            DecideOutcome.NothingToShareIn => TurnFacts.Text(turn, nameof(RecognitionText.DecidedNothingToShareIn)),
            _ => TurnFacts.Text(turn, nameof(RecognitionText.DecidedNotFound)),
        };
        await turn.SendActivityAsync(cards.Notice(Localisation.Text(nameof(RecognitionText.DecidedTitle), TurnFacts.Culture(turn)), text).ToActivity(), cancellationToken);
        return null;
    }
}
