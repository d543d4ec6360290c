using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.People;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Storage;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>A statement card's buttons: "I've read this", "I used this", "Extend by 30 days", "Revoke".</summary>
internal sealed class StatementButtonVerb(TurnScopes facts, PermissionService permissions, FlexedCommand flexed, CommonCards cards, ILogger<StatementButtonVerb> logger, string verb) : SubmitVerb<StatementButtonVerb.Press>
{
    internal sealed record Press(string ScopeId, string Key);

    /// <summary>The statement's key in a button's data. Cards posted before it was renamed carry it as "key", which the Adaptive Cards SDK reserves (see <see cref="SubmitAction.ReservedNames"/>).</summary>
    public const string StatementField = "statement";

    public override string Verb => verb;

    // Revoking and extending are a leader's changes; "read" and "used" are marks of one person on one statement, kept once.
    public override string? Allowance => verb is PermissionVerbs.Revoke or PermissionVerbs.Extend ? AllowanceOptions.LeaderChanges : null;

    protected override Parsed<Press> Parse(SubmitPayload payload)
    {
        var scope = payload.Id("scope");
        var key = payload.RenamedText(StatementField, "key", 64);
        return !scope.IsValid ? Parsed<Press>.Invalid(scope.Problem!)
            : !key.IsValid || !RecordKey.IsKey(key.Value) ? Parsed<Press>.Invalid("key is not a statement key")
            : Parsed<Press>.Valid(new Press(scope.Value!, key.Value!));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Press command, CancellationToken cancellationToken)
    {
        var scope = await facts.AllowedScopeAsync(turn, command.ScopeId, cancellationToken);
        if (scope is null)
        {
            return await ReplyAsync(turn, nameof(PermissionText.PermissionNotFound), cancellationToken);
        }

        var person = TurnFacts.Person(turn);
        switch (verb)
        {
            case PermissionVerbs.Read:
                var (read, counted) = await permissions.MarkReadAsync(scope.TenantId, command.ScopeId, command.Key, person.TeamsId, cancellationToken);
                return await ReplyAsync(turn, read is null ? nameof(PermissionText.PermissionNotFound) : counted ? nameof(PermissionText.ReadThanks) : nameof(PermissionText.ReadAlready), cancellationToken);

            case PermissionVerbs.Used:
                await flexed.SendFormAsync(turn, $"{command.ScopeId}|{command.Key}", cancellationToken);
                return null;

            default:
                var (statement, refusal) = verb == PermissionVerbs.Revoke
                    ? await permissions.RevokeAsync(scope, person, command.Key, cancellationToken)
                    : await permissions.ExtendAsync(scope, person, command.Key, cancellationToken);
                if (refusal == PermissionRefusal.NotALeader)
                {
                    RefusalLog.NotALeader(logger, verb);
                }

                return refusal switch
                {
                    PermissionRefusal.NotALeader => await ReplyAsync(turn, nameof(PermissionText.PermissionNotALeader), cancellationToken),
                    null when verb == PermissionVerbs.Revoke => await ReplyAsync(turn, nameof(PermissionText.PermissionRevoked), cancellationToken),
                    null => await ReplyAsync(turn, TurnFacts.Text(turn, nameof(PermissionText.PermissionExtended), StatementCard.Day(statement!.ValidUntil, TurnFacts.Culture(turn))), cancellationToken, raw: true),
                    _ => await ReplyAsync(turn, nameof(PermissionText.PermissionNotFound), cancellationToken),
                };
        }
    }

    private async Task<string?> ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken, bool raw = false)
    {
        var culture = TurnFacts.Culture(turn);
        await turn.SendActivityAsync(cards.Notice(Localisation.Text(nameof(PermissionText.PermissionFormTitle), culture), raw ? text : TurnFacts.Text(turn, text)).ToActivity(), cancellationToken);
        return null;
    }
}
