using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Reflection;

/// <summary>The status card's buttons: pause, resume, skip next week, change the schedule.</summary>
internal sealed class ScheduleButtonVerb(ReflectionFacts facts, ReflectionService reflection, IAuthorisation authorisation, ReflectionCards cards, ILogger<ScheduleButtonVerb> logger, string verb) : SubmitVerb<string>
{
    public override string Verb => verb;

    // "Change the schedule" only shows the form; saving it counts, as pausing, resuming and skipping do.
    public override string? Allowance => verb == ReflectionVerbs.Change ? null : AllowanceOptions.LeaderChanges;

    protected override Parsed<string> Parse(SubmitPayload payload) => payload.Id("team");

    protected override async Task<string?> HandleAsync(ITurnContext turn, string command, CancellationToken cancellationToken)
    {
        var scope = await facts.ScopeAsync(turn, command, cancellationToken);
        var person = TurnFacts.Person(turn);
        if (scope is null)
        {
            return await facts.RefuseAsync(turn, logger, verb, cancellationToken);
        }

        if (verb == ReflectionVerbs.Change)
        {
            // Only shows the form (saving it is checked again): the one button the service does not check itself.
            if (!await authorisation.IsLeaderAsync(scope, person, cancellationToken))
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
            ReflectionVerbs.Pause => await reflection.PauseAsync(scope, person, cancellationToken),
            ReflectionVerbs.Resume => await reflection.ResumeAsync(scope, person, cancellationToken),
            _ => await reflection.SkipNextAsync(scope, person, cancellationToken),
        };
        switch (change.Refusal)
        {
            case ReflectionRefusal.NotALeader:
                return await facts.RefuseAsync(turn, logger, verb, cancellationToken);
            case not null:
                await facts.ReplyAsync(turn, TurnFacts.Text(turn, nameof(ReflectionText.ReflectionNotSetUp)), cancellationToken);
                return null;
        }

        var schedule = change.Schedule!;
        var notice = verb switch
        {
            ReflectionVerbs.Pause => TurnFacts.Text(turn, nameof(ReflectionText.ReflectionPaused)),
            ReflectionVerbs.Resume => TurnFacts.Text(turn, nameof(ReflectionText.ReflectionResumed), facts.When(turn, schedule)),
            _ => TurnFacts.Text(turn, nameof(ReflectionText.ReflectionSkipped), facts.When(turn, schedule)),
        };
        await turn.SendActivityAsync(facts.Status(turn, schedule, notice).ToActivity(), cancellationToken);
        return null;
    }
}
