using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Listening;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Listening;

/// <summary><i>Ask the team</i> on a leader's form: in the team's own conversation only (the pulse is posted there, on the delivery path).</summary>
internal sealed class PulseAskVerb(PulseService pulses, ListeningReplies replies) : SubmitVerb<PulseAskVerb.Ask>
{
    internal sealed record Ask(string TeamId, string Bank, string? Own, int Days);

    public override string Verb => ListeningVerbs.Ask;

    protected override Parsed<Ask> Parse(SubmitPayload payload)
    {
        var team = payload.Id("team");
        var bank = payload.Text("bank", 8, required: true);
        var own = payload.Text("own", Pulse.MaxQuestionLength * 10, required: false);
        var days = payload.Number("days", 1, Pulse.MaxOpenDays);
        if ((team.Problem ?? bank.Problem ?? own.Problem ?? days.Problem) is { } problem)
        {
            return Parsed<Ask>.Invalid(problem);
        }

        var inBank = int.TryParse(bank.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= ListeningCards.Bank;
        return bank.Value != "own" && !inBank ? Parsed<Ask>.Invalid("bank is not a question of the bank") : Parsed<Ask>.Valid(new Ask(team.Value!, bank.Value!, own.Value, days.Value));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Ask command, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        // The bank's question in the leader's language, or their own words (their own words win when both are given).
        var question = command.Own ?? (command.Bank == "own" ? null : TurnFacts.Text(turn, "PulseQuestion" + command.Bank));
        var (outcome, _) = where.Kind == ConversationKind.Personal || where.ScopeId != command.TeamId
            ? (PulseOutcome.Invalid, null)
            : await pulses.AskAsync(where, TurnFacts.Person(turn), question, command.Days, cancellationToken);
        await replies.TellAsync(turn, outcome switch
        {
            PulseOutcome.Done => nameof(ListeningText.PulseAsked),
            PulseOutcome.NotALeader => nameof(ListeningText.PulseNotALeader),
            PulseOutcome.AlreadyOpen => nameof(ListeningText.PulseAlreadyOpen),
            PulseOutcome.TooLong => nameof(ListeningText.PulseTooLong),
            _ => nameof(ListeningText.PulseInvalid),
        }, cancellationToken);
        return null;
    }
}

/// <summary>
/// <i>Send my answer</i> on the answer form (a dialog, or the form in personal chat): for a team the person may act in,
/// while the pulse is open. The channel's card counts it in place (never who); the thanks go to the person's own chat.
/// </summary>
internal sealed class PulseAnswerVerb(PulseService pulses, TurnScopes scopes, PulseCardUpdates updates, ListeningReplies replies) : SubmitVerb<PulseAnswerVerb.Answer>
{
    internal sealed record Answer(string TeamId, string PulseId, string? Text, bool Named);

    public override string Verb => ListeningVerbs.Answer;

    protected override Parsed<Answer> Parse(SubmitPayload payload)
    {
        var team = payload.Id("team");
        var pulse = payload.Id("pulse");
        var text = payload.Text("answer", Pulse.MaxAnswerLength * 10, required: false);
        var named = payload.Flag("named", absent: false);
        return (team.Problem ?? pulse.Problem ?? text.Problem ?? named.Problem) is { } problem
            ? Parsed<Answer>.Invalid(problem)
            : Parsed<Answer>.Valid(new Answer(team.Value!, pulse.Value!, text.Value, named.Value));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Answer command, CancellationToken cancellationToken)
    {
        var (outcome, pulse) = await scopes.AllowedScopeAsync(turn, command.TeamId, cancellationToken) is { } scope
            ? await pulses.AnswerAsync(scope, TurnFacts.Person(turn), command.PulseId, command.Text, command.Named, cancellationToken)
            : (PulseOutcome.NotFound, null);
        if (outcome is PulseOutcome.Done or PulseOutcome.Updated && pulse is not null)
        {
            await updates.UpdateAsync(pulse, cancellationToken);
        }

        await replies.TellAsync(turn, outcome switch
        {
            PulseOutcome.Done => nameof(ListeningText.PulseSaved),
            PulseOutcome.Updated => nameof(ListeningText.PulseUpdated),
            PulseOutcome.Closed => nameof(ListeningText.PulseClosed),
            PulseOutcome.TooLong => nameof(ListeningText.PulseTooLong),
            PulseOutcome.Invalid => nameof(ListeningText.PulseAnswerInvalid),
            _ => nameof(ListeningText.PulseNotFound),
        }, cancellationToken);
        return null;
    }
}

/// <summary><i>See the answers</i> and <i>Close it now</i> on the pulse card: leaders only (the one check, in <see cref="PulseService"/>); the answers go to the leader's own chat.</summary>
internal sealed class PulseLeaderVerb(PulseService pulses, TurnScopes scopes, PulseCardUpdates updates, ListeningCards cards, ListeningReplies replies, ILogger<PulseLeaderVerb> logger, string verb)
    : SubmitVerb<PulseLeaderVerb.Press>
{
    internal sealed record Press(string TeamId, string PulseId);

    public override string Verb => verb;

    protected override Parsed<Press> Parse(SubmitPayload payload)
    {
        var team = payload.Id("team");
        var pulse = payload.Id("pulse");
        return (team.Problem ?? pulse.Problem) is { } problem ? Parsed<Press>.Invalid(problem) : Parsed<Press>.Valid(new Press(team.Value!, pulse.Value!));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Press command, CancellationToken cancellationToken)
    {
        if (await scopes.AllowedScopeAsync(turn, command.TeamId, cancellationToken) is not { } scope)
        {
            await replies.TellAsync(turn, nameof(ListeningText.PulseNotFound), cancellationToken);
            return null;
        }

        var leader = TurnFacts.Person(turn);
        PulseOutcome outcome;
        if (verb == ListeningVerbs.Close)
        {
            (outcome, var closed) = await pulses.CloseAsync(scope, leader, command.PulseId, cancellationToken);
            if (outcome == PulseOutcome.Done && closed is not null)
            {
                await updates.UpdateAsync(closed, cancellationToken);
            }
        }
        else
        {
            (outcome, var pulse, var answers) = await pulses.ResultsAsync(scope, leader, command.PulseId, cancellationToken);
            if (outcome == PulseOutcome.Done)
            {
                foreach (var card in cards.Results(pulse!, answers, TurnFacts.Locale(turn)))
                {
                    await replies.SendAsync(turn, card, cancellationToken);
                }

                return null;
            }
        }

        if (outcome == PulseOutcome.NotALeader)
        {
            RefusalLog.NotALeader(logger, verb);
        }

        await replies.TellAsync(turn, outcome switch
        {
            PulseOutcome.Done => nameof(ListeningText.PulseClosedNow),
            PulseOutcome.NotALeader => nameof(ListeningText.PulseNotALeader),
            PulseOutcome.Closed => nameof(ListeningText.PulseClosed),
            PulseOutcome.StillOpen => nameof(ListeningText.PulseStillOpen),
            PulseOutcome.TooFew => nameof(ListeningText.PulseTooFew),
            _ => nameof(ListeningText.PulseNotFound),
        }, cancellationToken);
        return null;
    }
}

/// <summary>Updates a posted pulse card in place with its count and state, as a courtesy (what it shows is stored already).</summary>
internal sealed class PulseCardUpdates(IConversationStore conversations, Conversations.ProactiveSender sender, ListeningCards cards, TimeProvider time)
{
    public async Task UpdateAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        if (pulse.ActivityId is { Length: > 0 } activityId && await conversations.FindAsync(pulse.TenantId, pulse.ConversationId, cancellationToken) is { IsRemoved: false } channel)
        {
            await sender.TryUpdateAsync(channel, activityId, cards.Pulse(pulse, time.GetUtcNow(), "en-GB").ToActivity(), cancellationToken);
        }
    }
}
