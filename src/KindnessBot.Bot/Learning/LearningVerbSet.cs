using KindnessBot.Bot.Routing;
using KindnessBot.Core.Learning;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Learning;

/// <summary>A team's dashboard, for 4 or 12 weeks: a team the person may act in from here (its own conversation, or one of their teams from personal chat).</summary>
internal sealed class DashboardVerb(LearningViews views, TurnScopes scopes) : SubmitVerb<(string TeamId, int Weeks)>
{
    public override string Verb => LearningVerbs.Dashboard;

    protected override Parsed<(string TeamId, int Weeks)> Parse(SubmitPayload payload) => LearningPayload.TeamAndWeeks(payload, DashboardPeriod.Lengths);

    protected override async Task<string?> HandleAsync(ITurnContext turn, (string TeamId, int Weeks) command, CancellationToken cancellationToken)
    {
        if (await scopes.AllowedScopeAsync(turn, command.TeamId, cancellationToken) is not { } scope)
        {
            await views.TellAsync(turn, nameof(LearningText.DashboardTeamNotFound), cancellationToken);
            return null;
        }

        await views.TeamAsync(turn, scope, command.Weeks, cancellationToken);
        return null;
    }
}

/// <summary>The organisation's dashboard (admins; the check is Core's).</summary>
internal sealed class OrganisationVerb(LearningViews views) : SubmitVerb<int>
{
    public override string Verb => LearningVerbs.Organisation;

    protected override Parsed<int> Parse(SubmitPayload payload) => LearningPayload.Weeks(payload, DashboardPeriod.Lengths);

    protected override async Task<string?> HandleAsync(ITurnContext turn, int command, CancellationToken cancellationToken)
    {
        await views.OrganisationAsync(turn, command, cancellationToken);
        return null;
    }
}

/// <summary>A story of change's links (a leader of the team; 4, 12 or 52 weeks).</summary>
internal sealed class StoryVerb(LearningViews views, TurnScopes scopes) : SubmitVerb<(string TeamId, int Weeks)>
{
    public override string Verb => LearningVerbs.Story;

    protected override Parsed<(string TeamId, int Weeks)> Parse(SubmitPayload payload) => LearningPayload.TeamAndWeeks(payload, LearningService.StoryLengths);

    protected override async Task<string?> HandleAsync(ITurnContext turn, (string TeamId, int Weeks) command, CancellationToken cancellationToken)
    {
        if (await scopes.AllowedScopeAsync(turn, command.TeamId, cancellationToken) is not { } scope)
        {
            await views.TellAsync(turn, nameof(LearningText.DashboardTeamNotFound), cancellationToken);
            return null;
        }

        await views.StoryAsync(turn, scope, command.Weeks, cancellationToken);
        return null;
    }
}

internal static class LearningPayload
{
    public static Parsed<int> Weeks(SubmitPayload payload, IReadOnlyList<int> allowed)
    {
        var weeks = payload.Number("weeks", 1, 52);
        return !weeks.IsValid ? weeks : allowed.Contains(weeks.Value) ? weeks : Parsed<int>.Invalid("weeks is not a period the dashboard offers");
    }

    public static Parsed<(string TeamId, int Weeks)> TeamAndWeeks(SubmitPayload payload, IReadOnlyList<int> allowed)
    {
        var team = payload.Id("team");
        var weeks = Weeks(payload, allowed);
        return (team.Problem ?? weeks.Problem) is { } problem ? Parsed<(string, int)>.Invalid(problem) : Parsed<(string, int)>.Valid((team.Value!, weeks.Value));
    }
}
