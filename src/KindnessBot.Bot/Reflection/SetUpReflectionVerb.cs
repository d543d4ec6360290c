using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Reflection;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Reflection;

/// <summary>"Save the schedule" on the set-up form: in the channel (or group chat) it will post in, or from personal chat for a team already set up.</summary>
internal sealed class SetUpReflectionVerb(ReflectionFacts facts, ReflectionService reflection, ILogger<SetUpReflectionVerb> logger) : SubmitVerb<ScheduleForm>
{
    public override string Verb => ReflectionVerbs.SetUp;

    public override string? Allowance => AllowanceOptions.LeaderChanges;

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
                await facts.ReplyAsync(turn, TurnFacts.Text(turn, nameof(ReflectionText.ReflectionPersonal)), cancellationToken);
                return null;
            }
        }

        var change = await reflection.SetUpAsync(postIn, TurnFacts.Person(turn), command.Choice, cancellationToken);
        switch (change.Refusal)
        {
            case ReflectionRefusal.NotALeader:
                return await facts.RefuseAsync(turn, logger, Verb, cancellationToken);
            case ReflectionRefusal.Invalid:
                await facts.ReplyAsync(turn, TurnFacts.Text(turn, nameof(ReflectionText.ReflectionInvalid), string.Join(" ", change.Problems)), cancellationToken);
                return null;
        }

        var notice = TurnFacts.Text(turn, before is null ? nameof(ReflectionText.ReflectionSaved) : nameof(ReflectionText.ReflectionChanged), facts.When(turn, change.Schedule!));
        await turn.SendActivityAsync(facts.Status(turn, change.Schedule!, notice).ToActivity(), cancellationToken);
        return null;
    }
}
