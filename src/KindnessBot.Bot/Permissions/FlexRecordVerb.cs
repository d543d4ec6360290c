using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Storage;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"Record it" on the decision form.</summary>
internal sealed class FlexRecordVerb(TurnScopes facts, PermissionService permissions, PermissionOptions options, CommonCards cards) : SubmitVerb<FlexRecordVerb.Record>
{
    internal sealed record Record(string Decided, string ForWhom, string ScopeId, string? StatementKey, string Outcome, bool Share, string CardId);

    public override string Verb => PermissionVerbs.FlexRecord;

    protected override Parsed<Record> Parse(SubmitPayload payload)
    {
        var decided = payload.Text("decided", FlexDecision.MaxTextLength, required: true);
        var forWhom = payload.Text("forWhom", FlexDecision.MaxForWhomLength, required: true);
        var reliedOn = payload.Id("reliedOn");
        var outcome = payload.Text("outcome", FlexDecision.MaxTextLength, required: true);
        var share = payload.Flag("share", absent: false);
        var cardId = PermissionCardId.Read(payload);
        var problem = decided.Problem ?? forWhom.Problem ?? reliedOn.Problem ?? outcome.Problem ?? share.Problem ?? cardId.Problem;
        if (problem is not null)
        {
            return Parsed<Record>.Invalid(problem);
        }

        var separator = reliedOn.Value!.LastIndexOf('|');
        var key = separator > 0 ? reliedOn.Value[(separator + 1)..] : null;
        if (key is null || (key != "own" && !RecordKey.IsKey(key)))
        {
            return Parsed<Record>.Invalid("reliedOn is not a permission or own judgement");
        }

        return Parsed<Record>.Valid(new Record(decided.Value!, forWhom.Value!, reliedOn.Value[..separator], key == "own" ? null : key, outcome.Value!, share.Value, cardId.Value!));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Record command, CancellationToken cancellationToken)
    {
        var culture = TurnFacts.Culture(turn);
        var scope = await facts.AllowedScopeAsync(turn, command.ScopeId, cancellationToken);
        string text;
        if (scope is null)
        {
            text = Localisation.Text(nameof(PermissionText.PermissionNotFound), culture);
        }
        else
        {
            var outcome = await permissions.RecordDecisionAsync(new DecisionRequest(TurnFacts.Person(turn), scope, command.Decided, command.ForWhom, command.StatementKey, command.Outcome, command.Share, command.CardId), cancellationToken);
            text = outcome switch
            {
                { Refusal: PermissionRefusal.NotFound } => Localisation.Text(nameof(PermissionText.PermissionNotFound), culture),
                { Refusal: PermissionRefusal.NotActive } => Localisation.Text(nameof(PermissionText.PermissionNotActive), culture),
                { Refusal: PermissionRefusal.DailyLimitReached } => TurnFacts.Text(turn, nameof(PermissionText.DecisionLimitReached), options.DailyDecisionLimit),
                { Duplicate: true } => Localisation.Text(nameof(PermissionText.DecisionAlreadyRecorded), culture),
                _ => Localisation.Text(command.Share ? nameof(PermissionText.DecisionRecordedShared) : nameof(PermissionText.DecisionRecorded), culture),
            };
        }

        await turn.SendActivityAsync(cards.Notice(Localisation.Text(nameof(PermissionText.DecisionFormTitle), culture), text).ToActivity(), cancellationToken);
        return null;
    }
}
