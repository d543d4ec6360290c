using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Permissions;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Reflection;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Reflection;

/// <summary>The set-up form, read and checked as far as a card can be; the schedule's own rules are checked in Core.</summary>
internal sealed record ScheduleForm(ScheduleChoice Choice, string? TeamId)
{
    public static Parsed<ScheduleForm> Read(SubmitPayload payload)
    {
        var day = payload.Text("day", 9, required: true);
        var time = payload.Text("time", 5, required: true);
        var zone = payload.Text("zone", 64, required: true);
        var commitments = payload.Text("commitments", 200, required: false);
        var openFor = payload.Number("openFor", 1, 7);
        var team = payload.Text("team", 256, required: false);
        var problem = day.Problem ?? time.Problem ?? zone.Problem ?? commitments.Problem ?? openFor.Problem ?? team.Problem;
        if (problem is not null)
        {
            return Parsed<ScheduleForm>.Invalid(problem);
        }

        // A day or time that is not one is refused by the schedule's own rules, with its kind message (ImpossibleTime).
        var weekday = Enum.GetNames<DayOfWeek>().Contains(day.Value, StringComparer.Ordinal) ? Enum.Parse<DayOfWeek>(day.Value!) : (DayOfWeek)(-1);
        var at = TimeOnly.TryParseExact(time.Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? (parsed.Hour, parsed.Minute) : (-1, -1);

        var names = (commitments.Value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var known = Enum.GetNames<Commitment>();
        if (names.Length > known.Length || names.Any(n => !known.Contains(n, StringComparer.Ordinal)))
        {
            return Parsed<ScheduleForm>.Invalid("commitments must name the six commitments");
        }

        var choice = new ScheduleChoice(weekday, at.Item1, at.Item2, zone.Value, [.. names.Select(Enum.Parse<Commitment>)], openFor.Value);
        return Parsed<ScheduleForm>.Valid(new ScheduleForm(choice, team.Value));
    }
}

/// <summary>"Save the schedule" on the set-up form: in the channel (or group chat) it will post in, or from personal chat for a team already set up.</summary>
internal sealed class SetUpReflectionVerb(ReflectionFacts facts, ReflectionService reflection, ILogger<SetUpReflectionVerb> logger) : SubmitVerb<ScheduleForm>
{
    public override string Verb => Verbs.ReflectionSetUp;

    protected override Parsed<ScheduleForm> Parse(SubmitPayload payload) => ScheduleForm.Read(payload);

    protected override async Task<string?> HandleAsync(ITurnContext turn, ScheduleForm command, CancellationToken cancellationToken)
    {
        var scope = await facts.ScopeAsync(turn, command.TeamId, cancellationToken);
        if (scope is null)
        {
            return await facts.RefuseAsync(turn, logger, Verb, cancellationToken);
        }

        var before = await reflection.FindAsync(scope, cancellationToken);
        var postIn = scope;
        if (TurnFacts.Where(turn).Kind == ConversationKind.Personal)
        {
            // From personal chat only a schedule that exists can be changed: it keeps posting where it was set up.
            postIn = before is null ? null : await facts.ChannelOfAsync(before, cancellationToken);
            if (postIn is null)
            {
                await facts.ReplyAsync(turn, TurnFacts.Text(turn, "ReflectionPersonal"), cancellationToken);
                return null;
            }
        }

        var change = await reflection.SetUpAsync(postIn, TurnFacts.Person(turn), command.Choice, cancellationToken);
        switch (change.Refusal)
        {
            case ReflectionRefusal.NotALeader:
                return await facts.RefuseAsync(turn, logger, Verb, cancellationToken);
            case ReflectionRefusal.Invalid:
                await facts.ReplyAsync(turn, TurnFacts.Text(turn, "ReflectionInvalid", string.Join(" ", change.Problems)), cancellationToken);
                return null;
        }

        var notice = TurnFacts.Text(turn, before is null ? "ReflectionSaved" : "ReflectionChanged", facts.When(turn, change.Schedule!));
        await turn.SendActivityAsync(facts.Status(turn, change.Schedule!, notice).ToActivity(), cancellationToken);
        return null;
    }
}

/// <summary>The status card's buttons: pause, resume, skip next week, change the schedule.</summary>
internal sealed class ScheduleButtonVerb(ReflectionFacts facts, ReflectionService reflection, CardFactory cards, ILogger<ScheduleButtonVerb> logger, string verb) : SubmitVerb<string>
{
    public override string Verb => verb;

    protected override Parsed<string> Parse(SubmitPayload payload) => payload.Id("team");

    protected override async Task<string?> HandleAsync(ITurnContext turn, string command, CancellationToken cancellationToken)
    {
        var scope = await facts.ScopeAsync(turn, command, cancellationToken);
        var person = TurnFacts.Person(turn);
        if (scope is null)
        {
            return await facts.RefuseAsync(turn, logger, verb, cancellationToken);
        }

        if (verb == Verbs.ReflectionChange)
        {
            // Only shows the form (saving it is checked again): the one button the service does not check itself.
            if (!await reflection.IsLeaderAsync(scope, person, cancellationToken))
            {
                return await facts.RefuseAsync(turn, logger, verb, cancellationToken);
            }

            var current = await reflection.FindAsync(scope, cancellationToken);
            var form = current is null
                ? cards.ReflectionForm(null, (turn.Activity as Microsoft.Bot.Schema.Activity)?.LocalTimezone, null, TurnFacts.Locale(turn))
                : cards.ReflectionForm(current, null, TurnFacts.Where(turn).Kind == ConversationKind.Personal ? current.TeamId : null, TurnFacts.Locale(turn));
            await turn.SendActivityAsync(form.ToActivity(), cancellationToken);
            return null;
        }

        var change = verb switch
        {
            Verbs.ReflectionPause => await reflection.PauseAsync(scope, person, cancellationToken),
            Verbs.ReflectionResume => await reflection.ResumeAsync(scope, person, cancellationToken),
            _ => await reflection.SkipNextAsync(scope, person, cancellationToken),
        };
        switch (change.Refusal)
        {
            case ReflectionRefusal.NotALeader:
                return await facts.RefuseAsync(turn, logger, verb, cancellationToken);
            case not null:
                await facts.ReplyAsync(turn, TurnFacts.Text(turn, "ReflectionNotSetUp"), cancellationToken);
                return null;
        }

        var schedule = change.Schedule!;
        var notice = verb switch
        {
            Verbs.ReflectionPause => TurnFacts.Text(turn, "ReflectionPaused"),
            Verbs.ReflectionResume => TurnFacts.Text(turn, "ReflectionResumed", facts.When(turn, schedule)),
            _ => TurnFacts.Text(turn, "ReflectionSkipped", facts.When(turn, schedule)),
        };
        await turn.SendActivityAsync(facts.Status(turn, schedule, notice).ToActivity(), cancellationToken);
        return null;
    }
}

/// <summary>
/// "Send my reflection" on the prompt card. The reply goes to the person's personal chat when they have one, so
/// nothing in the channel says who answered; otherwise it is a reply without a name.
/// </summary>
internal sealed class AnswerVerb(ReflectionService reflection, IConversationStore conversations, Conversations.ProactiveSender sender, CardFactory cards) : SubmitVerb<AnswerVerb.Answer>
{
    /// <summary>Longer than an answer may be, so an over-long one gets its own kind message rather than a generic one.</summary>
    private const int ReadLimit = AnswerService.MaxTextLength * 10;

    internal sealed record Answer(string TeamId, string Week, string? Text, int? Wellbeing, bool Named);

    public override string Verb => Verbs.ReflectionAnswer;

    protected override Parsed<Answer> Parse(SubmitPayload payload)
    {
        var team = payload.Id("team");
        var week = payload.Text("week", 8, required: true);
        var text = payload.Text("answer", ReadLimit, required: false);
        var wellbeing = payload.Text("wellbeing", 2, required: false);
        var named = payload.Flag("named", absent: false);
        var problem = team.Problem ?? week.Problem ?? text.Problem ?? wellbeing.Problem ?? named.Problem;
        if (problem is not null)
        {
            return Parsed<Answer>.Invalid(problem);
        }

        int? score = null;
        if (wellbeing.Value is { } given)
        {
            if (!int.TryParse(given, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                return Parsed<Answer>.Invalid("wellbeing must be a number");
            }

            score = parsed;
        }

        return Parsed<Answer>.Valid(new Answer(team.Value!, week.Value!, text.Value, score, named.Value));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Answer command, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        var person = TurnFacts.Person(turn);
        var here = where.Kind == ConversationKind.Personal ? string.Empty : where.ScopeId;
        var submit = new AnswerSubmit(where.TenantId, here, command.TeamId, command.Week, person.TeamsId, person.Name, command.Text, command.Wellbeing, Anonymous: !command.Named);
        var outcome = await reflection.AnswerAsync(submit, cancellationToken);
        var text = outcome.Result switch
        {
            AnswerResult.Saved => command.Named ? "AnswerSavedNamed" : "AnswerSavedAnonymous",
            AnswerResult.Updated => "AnswerUpdated",
            var refused => "Answer" + refused,
        };
        var reply = cards.Notice(Localisation.Text("AnswerReplyTitle", TurnFacts.Culture(turn)), TurnFacts.Text(turn, text)).ToActivity();
        if (where.Kind != ConversationKind.Personal && await conversations.FindPersonalAsync(where.TenantId, person.TeamsId, cancellationToken) is { IsRemoved: false } personal)
        {
            await sender.SendAsync(personal, reply, cancellationToken);
        }
        else
        {
            await turn.SendActivityAsync(reply, cancellationToken);
        }

        return null;
    }
}
