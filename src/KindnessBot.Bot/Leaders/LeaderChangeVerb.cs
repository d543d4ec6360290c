using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Leaders;

/// <summary>
/// <i>Add</i> and <i>Remove</i> on the leaders card. The submit names a team and a person, both checked on the server:
/// the team must be one this turn may act on, the asker a leader there (or an admin), the person a member who is not
/// a guest. Anything else is answered kindly and changes nothing; a change already made is a calm no-op.
/// </summary>
internal sealed class LeaderChangeVerb(LeaderScopes targets, LeaderService leaders, LeaderViews views, CommonCards common, ILogger<LeaderChangeVerb> logger, string verb)
    : SubmitVerb<LeaderChangeVerb.Change>
{
    public override string Verb => verb;

    public override string? Allowance => AllowanceOptions.LeaderChanges;

    internal sealed record Change(string Team, string Person);

    protected override Parsed<Change> Parse(SubmitPayload payload)
    {
        var team = payload.Id("team");
        var person = payload.Id("person");
        return !team.IsValid ? Parsed<Change>.Invalid(team.Problem!)
            : !person.IsValid ? Parsed<Change>.Invalid(person.Problem!)
            : Parsed<Change>.Valid(new Change(team.Value!, person.Value!));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Change command, CancellationToken cancellationToken)
    {
        var scope = await targets.TargetAsync(turn, command.Team, cancellationToken);
        var actor = TurnFacts.Person(turn);
        LeaderChange outcome;
        string? name;
        if (scope is null)
        {
            (outcome, name) = (LeaderChange.NotALeader, null);
        }
        else if (verb == LeaderVerbs.Add)
        {
            var (added, person) = await leaders.AddAsync(scope, actor, command.Person, cancellationToken);
            (outcome, name) = (added, person?.Name);
        }
        else
        {
            var (removed, leader) = await leaders.RemoveAsync(scope, actor, command.Person, cancellationToken);
            (outcome, name) = (removed, leader?.Name);
        }

        var text = outcome switch
        {
            LeaderChange.Added => nameof(LeaderText.LeadersAdded),
            LeaderChange.Removed => nameof(LeaderText.LeadersRemoved),
            LeaderChange.AlreadySo when verb == LeaderVerbs.Add => nameof(LeaderText.LeadersAlreadyLeads),
            LeaderChange.AlreadySo => nameof(LeaderText.LeadersNotLeading),
            LeaderChange.NotEligible => nameof(LeaderText.LeadersNotEligible),
            LeaderChange.LastLeader => nameof(LeaderText.LeadersLastLeader),
            LeaderChange.Full => nameof(LeaderText.LeadersFull),
            _ => nameof(LeaderText.LeadersNotALeader),
        };
        var notice = TurnFacts.Text(turn, text, name ?? string.Empty);
        if (outcome == LeaderChange.NotALeader || scope is null)
        {
            RefusalLog.NotALeader(logger, verb);
            await turn.SendActivityAsync(common.Notice(Localisation.Text(nameof(LeaderText.LeadersTitle), TurnFacts.Culture(turn)), notice).ToActivity(), cancellationToken);
            return null;
        }

        await turn.SendActivityAsync((await views.CardAsync(turn, scope, notice, cancellationToken)).ToActivity(), cancellationToken);
        return null;
    }
}
