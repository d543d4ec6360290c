using System.Globalization;
using KindnessBot.Bot.Http;
using KindnessBot.Core.Learning;

namespace KindnessBot.Bot.Learning;

/// <summary>What a story link grants: one leader's story of one team, for a number of weeks (until the link expires).</summary>
public sealed record StoryGrant(string TenantId, string UserId, string ScopeId, int Weeks);

/// <summary>What a chart link draws: one team's (or the organisation's) weeks of one period, fixed when the card was made.</summary>
public sealed record ChartGrant(string TenantId, string ScopeId, DashboardPeriod Period);

/// <summary>
/// The Learning feature's signed links. A story (and its CSV) names the leader it was made for inside its signed part
/// and lasts minutes; opening it checks again that they lead the team. A chart link lasts as long as a card is read, and
/// draws only the figures the card itself shows (from five people, by the same rule), for the period the card named.
/// </summary>
public sealed class LearningLinks(SignedLinks links)
{
    public const string StoryPath = "story-of-change";
    public const string CsvPath = "story-of-change.csv";
    public const string ChartPath = "learning/chart.png";
    public static readonly TimeSpan StoryLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ChartLifetime = TimeSpan.FromDays(90);
    private const string StoryPurpose = "story-of-change";
    private const string ChartPurpose = "learning-chart";

    public Uri Story(StoryGrant grant, bool csv = false)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return links.Link(csv ? CsvPath : StoryPath, StoryPurpose, [grant.TenantId, grant.UserId, grant.ScopeId, grant.Weeks.ToString(CultureInfo.InvariantCulture)], StoryLifetime);
    }

    public Uri Chart(string tenantId, string scopeId, DashboardPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return links.Link(ChartPath, ChartPurpose, [tenantId, scopeId, period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), period.Weeks.ToString(CultureInfo.InvariantCulture)], ChartLifetime);
    }

    /// <summary>The grant a story token carries; null when it is forged, altered, malformed or expired.</summary>
    public StoryGrant? ReadStory(string? token) =>
        links.Read(token, StoryPurpose).Fields is [var tenantId, var userId, var scopeId, var weeks] && int.TryParse(weeks, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && LearningService.StoryLengths.Contains(n)
            ? new StoryGrant(tenantId, userId, scopeId, n)
            : null;

    public ChartGrant? ReadChart(string? token) =>
        links.Read(token, ChartPurpose).Fields is [var tenantId, var scopeId, var from, var weeks]
        && DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) && start.DayOfWeek == DayOfWeek.Monday
        && int.TryParse(weeks, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && DashboardPeriod.Lengths.Contains(n)
            ? new ChartGrant(tenantId, scopeId, new DashboardPeriod(start, start.AddDays((7 * n) - 1)))
            : null;
}
