using KindnessBot.Bot.Routing;
using KindnessBot.Core.Storage;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Audit;

/// <summary>"Show older" on the audit card: the same admin check, then the next page.</summary>
internal sealed class AuditPageVerb(AuditCommand audit) : SubmitVerb<AuditPageVerb.Older>
{
    public override string Verb => AuditVerbs.Page;

    internal sealed record Older(string Before);

    protected override Parsed<Older> Parse(SubmitPayload payload)
    {
        var before = payload.Id("before");
        return !before.IsValid ? Parsed<Older>.Invalid(before.Problem!)
            : !RecordKey.IsKey(before.Value) ? Parsed<Older>.Invalid("before is not an audit key")
            : Parsed<Older>.Valid(new Older(before.Value!));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Older command, CancellationToken cancellationToken)
    {
        await audit.ShowAsync(turn, command.Before, cancellationToken);
        return null;
    }
}
