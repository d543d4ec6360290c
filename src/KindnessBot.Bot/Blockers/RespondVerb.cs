using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Blockers;

/// <summary>
/// A leader's <i>Save</i> (a move), <i>Merge</i> and <i>Pass it on</i> on the Respond form. The team must be one this turn
/// may act on; who may triage is the one check inside <see cref="BlockerService"/>. A change tells the reporter through
/// the delivery path (named or sealed, once per change). Every refusal is a kind reply and changes nothing.
/// </summary>
internal sealed class RespondVerb(BlockerService blockers, TurnScopes scopes, IConversationStore conversations, DeliveryOutbox outbox, BlockerReplies replies, ILogger<RespondVerb> logger, string verb)
    : SubmitVerb<RespondVerb.Respond>
{
    private const int ReadLimit = BlockerMoves.MaxTextLength * 10;

    internal sealed record Respond(string TeamId, string BlockerId, BlockerStatus To, string? Note, string? Other);

    public override string Verb => verb;

    protected override Parsed<Respond> Parse(SubmitPayload payload)
    {
        var team = payload.Id("team");
        var blocker = payload.Id("blocker");
        if ((team.Problem ?? blocker.Problem) is { } missing)
        {
            return Parsed<Respond>.Invalid(missing);
        }

        switch (verb)
        {
            case BlockerVerbs.Move:
                var to = payload.Text("to", 32, required: true);
                var note = payload.Text("note", ReadLimit, required: false);
                return (to.Problem ?? note.Problem) is { } problem ? Parsed<Respond>.Invalid(problem)
                    : !BlockerChoices.TryParse(to.Value!, out BlockerStatus status) ? Parsed<Respond>.Invalid("to is not a status")
                    : Parsed<Respond>.Valid(new Respond(team.Value!, blocker.Value!, status, note.Value, null));
            default:
                var other = payload.Id(verb == BlockerVerbs.Merge ? "into" : "toTeam");
                return other.IsValid ? Parsed<Respond>.Valid(new Respond(team.Value!, blocker.Value!, default, null, other.Value)) : Parsed<Respond>.Invalid(other.Problem!);
        }
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Respond command, CancellationToken cancellationToken)
    {
        var leader = TurnFacts.Person(turn);
        if (await scopes.AllowedScopeAsync(turn, command.TeamId, cancellationToken) is not { } scope)
        {
            RefusalLog.NotALeader(logger, verb);
            await replies.TellAsync(turn, nameof(BlockerText.RefusedNotALeader), cancellationToken);
            return null;
        }

        string? passedTo = null;
        BlockerResult result;
        if (verb == BlockerVerbs.Move)
        {
            result = await blockers.MoveAsync(scope, leader, command.BlockerId, command.To, command.Note, cancellationToken);
        }
        else if (verb == BlockerVerbs.Merge)
        {
            result = await blockers.MergeAsync(scope, leader, command.BlockerId, command.Other!, cancellationToken);
        }
        else
        {
            // Only to a team of this tenant the bot is in: a forged id finds none.
            var target = (await conversations.ListTeamsAsync(scope.TenantId, cancellationToken)).FirstOrDefault(t => t.ScopeId == command.Other);
            passedTo = target?.TeamName ?? target?.ScopeId;
            result = target is null ? BlockerResult.Refused(BlockerRefusal.Invalid) : await blockers.PassAsync(scope, leader, command.BlockerId, target.ScopeId, cancellationToken);
        }

        if (!result.Succeeded)
        {
            if (result.Refusal == BlockerRefusal.NotALeader)
            {
                RefusalLog.NotALeader(logger, verb);
            }

            await replies.TellAsync(turn, "Refused" + result.Refusal, cancellationToken);
            return null;
        }

        if (result.Notice is { } notice)
        {
            await outbox.EnqueueAsync(notice.ToDeliveryRequest(), cancellationToken);
        }

        var (text, argument) = verb switch
        {
            BlockerVerbs.Move => (nameof(BlockerText.Moved), ReportFormCard.Status(result.Blocker!.Status, TurnFacts.Culture(turn))),
            BlockerVerbs.Merge => (nameof(BlockerText.Merged), string.Empty),
            _ => (nameof(BlockerText.Passed), passedTo ?? string.Empty),
        };
        await replies.TellAsync(turn, text, cancellationToken, argument);
        return null;
    }
}

/// <summary>"This affects me too" on a team's list: once per person, counted without keeping who (a keyed tag).</summary>
internal sealed class AffectsMeVerb(BlockerService blockers, TurnScopes scopes, BlockerReplies replies) : SubmitVerb<AffectsMeVerb.Affects>
{
    internal sealed record Affects(string TeamId, string BlockerId);

    public override string Verb => BlockerVerbs.AffectsMe;

    protected override Parsed<Affects> Parse(SubmitPayload payload)
    {
        var team = payload.Id("team");
        var blocker = payload.Id("blocker");
        return (team.Problem ?? blocker.Problem) is { } problem ? Parsed<Affects>.Invalid(problem) : Parsed<Affects>.Valid(new Affects(team.Value!, blocker.Value!));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Affects command, CancellationToken cancellationToken)
    {
        var result = await scopes.AllowedScopeAsync(turn, command.TeamId, cancellationToken) is { } scope
            ? await blockers.AffectsMeTooAsync(scope, TurnFacts.Person(turn), command.BlockerId, cancellationToken)
            : BlockerResult.Refused(BlockerRefusal.NotFound);
        await replies.TellAsync(turn, result.Succeeded ? nameof(BlockerText.AffectsCounted) : "Refused" + result.Refusal, cancellationToken);
        return null;
    }
}
