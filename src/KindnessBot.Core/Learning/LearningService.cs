using KindnessBot.Core.Conversations;
using KindnessBot.Core.Measures;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;

namespace KindnessBot.Core.Learning;

/// <summary>A team's story of change: its figures, and the shared items, oldest first.</summary>
public sealed record StoryOfChange(string TeamName, TeamDashboard Figures, IReadOnlyList<StoryItem> Items, DateTimeOffset MadeAt);

public enum LearningRefusal
{
    NotALeader,
    NotAnAdmin,
    BadPeriod,
}

/// <summary>The organisation's figures, and each team's beside it (a figure withheld for any team is withheld for every team: see <see cref="LearningService.OrganisationAsync"/>).</summary>
public sealed record OrganisationDashboard(TeamDashboard Whole, IReadOnlyList<(ConversationRecord Team, TeamDashboard Dashboard)> Teams);

/// <summary>
/// The Learning commitment's reads: a team's dashboard for its leaders, the organisation's for admins, and the rebuild
/// of every count from the raw rows. Dashboards read only the kept weeks (one query), never a feature's rows.
/// </summary>
public sealed class LearningService(WeeklyAggregates aggregates, IAuthorisation authorisation, IConversationStore conversations, PersonScopes scopes, IEnumerable<IStorySource> stories, TimeProvider time)
{
    /// <summary>The periods a story of change can tell: the dashboard's, and a year.</summary>
    public static readonly IReadOnlyList<int> StoryLengths = [4, 12, 52];

    /// <summary>
    /// A team's story of change over the last <paramref name="weeks"/> whole weeks, for one of its leaders: the figures
    /// beside the period before, and what the people it names agreed to share.
    /// </summary>
    public async Task<(StoryOfChange? Story, LearningRefusal? Refusal)> StoryAsync(ConversationRecord scope, Person person, int weeks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!StoryLengths.Contains(weeks))
        {
            return (null, LearningRefusal.BadPeriod);
        }

        if (!await authorisation.IsLeaderAsync(scope, person, cancellationToken))
        {
            return (null, LearningRefusal.NotALeader);
        }

        var period = DashboardPeriod.Ending(time.GetUtcNow(), weeks);
        var stored = await aggregates.WeeksAsync(scope.TenantId, scope.ScopeId, period.Previous().From, period.To, cancellationToken);
        var figures = DashboardBuilder.Build(scope.ScopeId, period, stored, null);
        var (from, to) = (new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var items = new List<StoryItem>();
        foreach (var source in stories)
        {
            items.AddRange(await source.ItemsAsync(scope.TenantId, scope.ScopeId, from, to, cancellationToken));
        }

        return (new StoryOfChange(scope.TeamName ?? "", figures, [.. items.OrderBy(i => i.At)], time.GetUtcNow()), null);
    }

    public async Task<(TeamDashboard? Dashboard, LearningRefusal? Refusal)> TeamAsync(ConversationRecord scope, Person person, int weeks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!DashboardPeriod.Lengths.Contains(weeks))
        {
            return (null, LearningRefusal.BadPeriod);
        }

        if (!await authorisation.IsLeaderAsync(scope, person, cancellationToken))
        {
            return (null, LearningRefusal.NotALeader);
        }

        var period = DashboardPeriod.Ending(time.GetUtcNow(), weeks);
        var stored = await aggregates.WeeksAsync(scope.TenantId, scope.ScopeId, period.Previous().From, period.To, cancellationToken);
        var members = await scopes.MembersAsync([scope], scope.TenantId, cancellationToken);
        return (DashboardBuilder.Build(scope.ScopeId, period, stored, members.Count == 0 ? null : members.Count), null);
    }

    /// <summary>
    /// A team's (or, with <see cref="AggregateKeys.WholeOrganisation"/>, the organisation's) figures for a fixed period,
    /// with no one's check: for a chart link, whose signature is the check, made for a card that showed these figures.
    /// </summary>
    public async Task<TeamDashboard> FiguresAsync(string tenantId, string scopeId, DashboardPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var stored = await aggregates.WeeksAsync(tenantId, scopeId, period.Previous().From, period.To, cancellationToken);
        return DashboardBuilder.Build(scopeId, period, stored, null);
    }

    /// <summary>
    /// For admins: the whole organisation, and every team. Per team, a figure is shown only where it is shown for every
    /// team: otherwise the organisation's figure less the teams' shown would be the withheld team's.
    /// </summary>
    public async Task<(OrganisationDashboard? Dashboard, LearningRefusal? Refusal)> OrganisationAsync(string tenantId, Person person, int weeks, CancellationToken cancellationToken)
    {
        if (!DashboardPeriod.Lengths.Contains(weeks))
        {
            return (null, LearningRefusal.BadPeriod);
        }

        if (!await authorisation.IsAdminAsync(person, cancellationToken))
        {
            return (null, LearningRefusal.NotAnAdmin);
        }

        var period = DashboardPeriod.Ending(time.GetUtcNow(), weeks);
        var all = await aggregates.AllTeamsAsync(tenantId, period.Previous().From, period.To, cancellationToken);
        var whole = DashboardBuilder.Build(AggregateKeys.WholeOrganisation, period, all.GetValueOrDefault(AggregateKeys.WholeOrganisation) ?? [], null);
        var teams = new List<(ConversationRecord, TeamDashboard)>();
        foreach (var team in (await conversations.ListTeamsAsync(tenantId, cancellationToken)).DistinctBy(t => t.ScopeId))
        {
            teams.Add((team, DashboardBuilder.Build(team.ScopeId, period, all.GetValueOrDefault(team.ScopeId) ?? [], null)));
        }

        return (new OrganisationDashboard(whole, AllOrNone(teams)), null);
    }

    private static List<(ConversationRecord, TeamDashboard)> AllOrNone(List<(ConversationRecord Team, TeamDashboard Dashboard)> teams)
    {
        var figures = teams.SelectMany(t => t.Dashboard.Sections.SelectMany(s => s.Figures)).ToList();
        var nowHidden = figures.Where(f => f.Now.Withheld).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var beforeHidden = figures.Where(f => f.Before.Withheld).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return [.. teams.Select(t => (t.Team, t.Dashboard with
        {
            Sections = [.. t.Dashboard.Sections.Select(s => s with
            {
                Figures = [.. s.Figures.Select(f => f with
                {
                    Now = nowHidden.Contains(f.Key) ? Reading.Hidden : f.Now,
                    Before = beforeHidden.Contains(f.Key) ? Reading.Hidden : f.Before,
                })],
            })],
        }))];
    }
}
