using KindnessBot.Core.Measures;

namespace KindnessBot.Core.Learning;

/// <summary>
/// The five-person rule for figures over weeks. A week's figure is shown only when it comes from five or more people; a
/// figure over several weeks only when every week in it that has anything is shown. So no figure, nor any difference of
/// two figures (this period and the last, four weeks and twelve, this week's dashboard and last week's), can reach a
/// week of fewer than five people. The current week is never in a period: it would grow day by day, and each day's
/// growth would be a figure of its own. Metrics about leaders' public acts (statements posted, blockers moved, prompts
/// posted) are posted in the team's channel under the leader's name, so they are not from "people" in this sense.
/// </summary>
public static class FivePeople
{
    public const int Threshold = 5;

    /// <summary>Metrics counted whatever the number of people (see the summary).</summary>
    public static bool IsOpen(string metric) =>
        metric is Metrics.PermissionsIssued or Metrics.ReflectionPrompts or Metrics.BlockersChanged or Metrics.BlockersNotChanging || Metrics.ChangeDaysOf(metric) is not null;

    /// <summary>Whether <paramref name="week"/>'s <paramref name="metric"/> may be shown, judged by the people of <paramref name="peopleMetric"/> (itself by default).</summary>
    public static bool Shows(WeekCounts week, string metric, string? peopleMetric = null)
    {
        ArgumentNullException.ThrowIfNull(week);
        return IsOpen(metric) || week.Counts.GetValueOrDefault(metric) == 0 || week.People.GetValueOrDefault(peopleMetric ?? metric) >= Threshold;
    }

    /// <summary>The total of <paramref name="metric"/> over <paramref name="weeks"/>, or null when any week is withheld.</summary>
    public static long? Total(IEnumerable<WeekCounts> weeks, string metric, string? peopleMetric = null)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        long total = 0;
        foreach (var week in weeks)
        {
            if (!Shows(week, metric, peopleMetric))
            {
                return null;
            }

            total += week.Counts.GetValueOrDefault(metric);
        }

        return total;
    }
}
