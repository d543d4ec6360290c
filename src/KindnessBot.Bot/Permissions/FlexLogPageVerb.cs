using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"Show more" on the flex log: the next page of that team's or chat's log, for its leaders only.</summary>
internal sealed class FlexLogPageVerb(TurnScopes facts, FlexLogCommand flexLog, ILogger<FlexLogPageVerb> logger) : SubmitVerb<FlexLogPageVerb.Page>
{
    internal sealed record Page(string ScopeId, int Number);

    public override string Verb => PermissionVerbs.FlexLogPage;

    protected override Parsed<Page> Parse(SubmitPayload payload)
    {
        var scope = payload.Id("scope");
        var page = payload.Number("page", 0, CardPages.MaxPages - 1);
        return !scope.IsValid ? Parsed<Page>.Invalid(scope.Problem!)
            : !page.IsValid ? Parsed<Page>.Invalid(page.Problem!)
            : Parsed<Page>.Valid(new Page(scope.Value!, page.Value));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Page command, CancellationToken cancellationToken)
    {
        var scope = await facts.AllowedScopeAsync(turn, command.ScopeId, cancellationToken);
        if (!await flexLog.SendPageAsync(turn, scope, command.Number, cancellationToken))
        {
            RefusalLog.NotALeader(logger, Verb);
        }

        return null;
    }
}
