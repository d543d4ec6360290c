using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Recognition;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>The leader's form, read and checked: the same fields for "Preview" and "Post it".</summary>
internal sealed record StatementDraft(string What, string Boundaries, DateOnly From, DateOnly Until, IReadOnlyList<Commitment> Commitments, string? TeamId)
{
    public static Parsed<StatementDraft> Read(SubmitPayload payload)
    {
        var what = payload.Text("what", PermissionStatement.MaxWhatLength, required: true);
        var boundaries = payload.Text("boundaries", PermissionStatement.MaxBoundariesLength, required: true);
        var from = payload.Text("from", 10, required: true);
        var until = payload.Text("until", 10, required: true);
        var commitments = payload.Text("commitments", 200, required: false);
        var team = payload.Text("team", 256, required: false);
        var problem = what.Problem ?? boundaries.Problem ?? from.Problem ?? until.Problem ?? commitments.Problem ?? team.Problem;
        if (problem is not null)
        {
            return Parsed<StatementDraft>.Invalid(problem);
        }

        if (!DateOnly.TryParseExact(from.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fromDay)
            || !DateOnly.TryParseExact(until.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var untilDay))
        {
            return Parsed<StatementDraft>.Invalid("from and until must be dates");
        }

        var names = (commitments.Value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var known = Enum.GetNames<Commitment>();
        if (names.Length > known.Length || names.Any(n => !known.Contains(n, StringComparer.Ordinal)))
        {
            return Parsed<StatementDraft>.Invalid("commitments must name the six commitments");
        }

        return Parsed<StatementDraft>.Valid(new StatementDraft(what.Value!, boundaries.Value!, fromDay, untilDay, [.. names.Select(Enum.Parse<Commitment>)], team.Value));
    }

    public Dictionary<string, object> ToPostData() => new()
    {
        ["verb"] = Verbs.PermissionPost,
        ["what"] = What,
        ["boundaries"] = Boundaries,
        ["from"] = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["until"] = Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["commitments"] = string.Join(',', Commitments),
        ["team"] = TeamId ?? string.Empty,
    };
}

/// <summary>"Preview" and "Post it" on the leader's form.</summary>
internal sealed class PostStatementVerb(PermissionFacts facts, PermissionService permissions, CardFactory cards, ILogger<PostStatementVerb> logger, bool preview) : SubmitVerb<StatementDraft>
{
    public override string Verb => preview ? Verbs.PermissionPreview : Verbs.PermissionPost;

    protected override Parsed<StatementDraft> Parse(SubmitPayload payload) => StatementDraft.Read(payload);

    protected override async Task<string?> HandleAsync(ITurnContext turn, StatementDraft command, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        var scope = where.Kind == ConversationKind.Personal
            ? command.TeamId is { Length: > 0 } team ? await facts.AllowedScopeAsync(turn, team, cancellationToken) : null
            : where;
        var person = PermissionFacts.Person(turn);
        if (scope is null || !await permissions.IsLeaderAsync(scope, person, cancellationToken))
        {
            PermissionLog.NotALeader(logger, Verb);
            return await ReplyAsync(turn, "PermissionNotALeader", cancellationToken);
        }

        var request = new StatementRequest(person, scope, command.What, command.Boundaries, command.Commitments, command.From, command.Until);
        if (preview)
        {
            var draft = new PermissionStatement
            {
                TenantId = scope.TenantId, ScopeId = scope.ScopeId, ConversationId = scope.ConversationId, Key = "preview",
                LeaderId = person.TeamsId, LeaderName = person.Name, What = command.What, Boundaries = command.Boundaries,
                Commitments = command.Commitments.Count == 0 ? [Commitment.Permissive] : command.Commitments, ValidFrom = command.From, ValidUntil = command.Until,
            };
            await turn.SendActivityAsync(cards.PermissionPreview(draft, command.ToPostData(), TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
            return null;
        }

        var (_, refusal) = await permissions.PostAsync(request, cancellationToken);
        return await ReplyAsync(turn, refusal switch { PermissionRefusal.NotALeader => "PermissionNotALeader", PermissionRefusal.BadDates => "PermissionBadDates", _ => "PermissionPosted" }, cancellationToken);
    }

    private async Task<string?> ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        await turn.SendActivityAsync(cards.Notice(Localisation.Text("PermissionFormTitle", TurnFacts.Culture(turn)), TurnFacts.Text(turn, text)).ToActivity(), cancellationToken);
        return null;
    }
}

/// <summary>A statement card's buttons: "I've read this", "I used this", "Extend by 30 days", "Revoke".</summary>
internal sealed class StatementButtonVerb(PermissionFacts facts, PermissionService permissions, IFlexedCommand flexed, CardFactory cards, ILogger<StatementButtonVerb> logger, string verb) : SubmitVerb<StatementButtonVerb.Press>
{
    internal sealed record Press(string ScopeId, string Key);

    public override string Verb => verb;

    protected override Parsed<Press> Parse(SubmitPayload payload)
    {
        var scope = payload.Id("scope");
        var key = payload.Text("key", 64, required: true);
        return !scope.IsValid ? Parsed<Press>.Invalid(scope.Problem!)
            : !key.IsValid || !TableRecognitionStore.IsKey(key.Value) ? Parsed<Press>.Invalid("key is not a statement key")
            : Parsed<Press>.Valid(new Press(scope.Value!, key.Value!));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Press command, CancellationToken cancellationToken)
    {
        var scope = await facts.AllowedScopeAsync(turn, command.ScopeId, cancellationToken);
        if (scope is null)
        {
            return await ReplyAsync(turn, "PermissionNotFound", cancellationToken);
        }

        var person = PermissionFacts.Person(turn);
        switch (verb)
        {
            case Verbs.PermissionRead:
                var (read, counted) = await permissions.MarkReadAsync(scope.TenantId, command.ScopeId, command.Key, person.TeamsId, cancellationToken);
                return await ReplyAsync(turn, read is null ? "PermissionNotFound" : counted ? "ReadThanks" : "ReadAlready", cancellationToken);

            case Verbs.PermissionUsed:
                await flexed.SendFormAsync(turn, $"{command.ScopeId}|{command.Key}", cancellationToken);
                return null;

            default:
                var (statement, refusal) = verb == Verbs.PermissionRevoke
                    ? await permissions.RevokeAsync(scope, person, command.Key, cancellationToken)
                    : await permissions.ExtendAsync(scope, person, command.Key, cancellationToken);
                if (refusal == PermissionRefusal.NotALeader)
                {
                    PermissionLog.NotALeader(logger, verb);
                }

                return refusal switch
                {
                    PermissionRefusal.NotALeader => await ReplyAsync(turn, "PermissionNotALeader", cancellationToken),
                    null when verb == Verbs.PermissionRevoke => await ReplyAsync(turn, "PermissionRevoked", cancellationToken),
                    null => await ReplyAsync(turn, TurnFacts.Text(turn, "PermissionExtended", Cards.Permissions.StatementCard.Day(statement!.ValidUntil, TurnFacts.Culture(turn))), cancellationToken, raw: true),
                    _ => await ReplyAsync(turn, "PermissionNotFound", cancellationToken),
                };
        }
    }

    private async Task<string?> ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken, bool raw = false)
    {
        var culture = TurnFacts.Culture(turn);
        await turn.SendActivityAsync(cards.Notice(Localisation.Text("PermissionFormTitle", culture), raw ? text : TurnFacts.Text(turn, text)).ToActivity(), cancellationToken);
        return null;
    }
}

/// <summary>"Record it" on the decision form.</summary>
internal sealed class FlexRecordVerb(PermissionFacts facts, PermissionService permissions, CardFactory cards) : SubmitVerb<FlexRecordVerb.Record>
{
    internal sealed record Record(string Decided, string ForWhom, string ScopeId, string? StatementKey, string Outcome, bool Share);

    public override string Verb => Verbs.FlexRecord;

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
        if (key is null || (key != "own" && !TableRecognitionStore.IsKey(key)))
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
            text = "PermissionNotFound";
        }
        else
        {
            var (_, refusal) = await permissions.RecordDecisionAsync(new DecisionRequest(PermissionFacts.Person(turn), scope, command.Decided, command.ForWhom, command.StatementKey, command.Outcome, command.Share), cancellationToken);
            text = refusal switch
            {
                PermissionRefusal.NotFound => "PermissionNotFound",
                PermissionRefusal.NotActive => "PermissionNotActive",
                _ => command.Share ? "DecisionRecordedShared" : "DecisionRecorded",
            };
        }

        await turn.SendActivityAsync(cards.Notice(Localisation.Text("DecisionFormTitle", culture), Localisation.Text(text, culture)).ToActivity(), cancellationToken);
        return null;
    }
}

/// <summary>What the permission feature logs.</summary>
internal static partial class PermissionLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a leader action ({Verb}) from someone who is not a leader there")]
    public static partial void NotALeader(ILogger logger, string verb);
}
