using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Storage;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"Record it" on the decision form.</summary>
internal sealed class FlexRecordVerb(TurnScopes facts, PermissionService permissions, CommonCards cards) : SubmitVerb<FlexRecordVerb.Record>
{
    internal sealed record Record(string Decided, string ForWhom, string ScopeId, string? StatementKey, string Outcome, bool Share);

    public override string Verb => PermissionVerbs.FlexRecord;

    protected override Parsed<Record> Parse(SubmitPayload payload)
    {
        var decided = payload.Text("decided", FlexDecision.MaxTextLength, required: true);
        var forWhom = payload.Text("forWhom", FlexDecision.MaxForWhomLength, required: true);
        var reliedOn = payload.Id("reliedOn");
        var outcome = payload.Text("outcome", FlexDecision.MaxTextLength, required: true);
        var share = payload.Flag("share", absent: false);
        var problem = decided.Problem ?? forWhom.Problem ?? reliedOn.Problem ?? outcome.Problem ?? share.Problem;
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

        return Parsed<Record>.Valid(new Record(decided.Value!, forWhom.Value!, reliedOn.Value[..separator], key == "own" ? null : key, outcome.Value!, share.Value));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Record command, CancellationToken cancellationToken)
    {
        var culture = TurnFacts.Culture(turn);
        var scope = await facts.AllowedScopeAsync(turn, command.ScopeId, cancellationToken);
        string text;
        if (scope is null)
        {
            text = nameof(PermissionText.PermissionNotFound);
        }
        else
        {
            var (_, refusal) = await permissions.RecordDecisionAsync(new DecisionRequest(TurnFacts.Person(turn), scope, command.Decided, command.ForWhom, command.StatementKey, command.Outcome, command.Share), cancellationToken);
            text = refusal switch
            {
                PermissionRefusal.NotFound => nameof(PermissionText.PermissionNotFound),
                PermissionRefusal.NotActive => nameof(PermissionText.PermissionNotActive),
                _ => command.Share ? nameof(PermissionText.DecisionRecordedShared) : nameof(PermissionText.DecisionRecorded),
            };
        }

        await turn.SendActivityAsync(cards.Notice(Localisation.Text(nameof(PermissionText.DecisionFormTitle), culture), Localisation.Text(text, culture)).ToActivity(), cancellationToken);
        return null;
    }
}
