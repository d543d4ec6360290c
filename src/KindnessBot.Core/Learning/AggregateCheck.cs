using KindnessBot.Core.Measures;

namespace KindnessBot.Core.Learning;

/// <summary>
/// What the weekly aggregates should hold, recomputed from the raw events (each counted once by its id, people counted
/// once each by tag), and where the stored weeks differ from that. The base of "rebuild aggregates" (issue 15).
/// </summary>
public static class AggregateCheck
{
    /// <summary>Each team's weeks as the events make them.</summary>
    public static IReadOnlyDictionary<(string TeamId, string Week), WeekCounts> Recompute(IEnumerable<Measure> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var weeks = new Dictionary<(string, string), (Dictionary<string, long> Counts, Dictionary<string, HashSet<string>> People)>();
        foreach (var e in events.DistinctBy(e => (e.TenantId, e.TeamId, AggregateKeys.Week(e.At), e.Metric, e.EventId)))
        {
            var key = (e.TeamId, AggregateKeys.Week(e.At));
            if (!weeks.TryGetValue(key, out var week))
            {
                weeks[key] = week = (new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            }

            week.Counts[e.Metric] = week.Counts.GetValueOrDefault(e.Metric) + e.Amount;
            if (e.PersonId is { } tag)
            {
                if (!week.People.TryGetValue(e.Metric, out var people))
                {
                    week.People[e.Metric] = people = new HashSet<string>(StringComparer.Ordinal);
                }

                people.Add(tag);
            }
        }

        return weeks.ToDictionary(
            w => w.Key,
            w => new WeekCounts(w.Key.Item2, w.Value.Counts, w.Value.People.ToDictionary(p => p.Key, p => (long)p.Value.Count, StringComparer.Ordinal)));
    }

    /// <summary>Every difference between what is stored and what the events make, as a line of text; empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(string teamId, IReadOnlyList<WeekCounts> stored, IReadOnlyDictionary<(string TeamId, string Week), WeekCounts> expected)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(expected);
        var differences = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var week in stored)
        {
            seen.Add(week.Week);
            var want = expected.TryGetValue((teamId, week.Week), out var w) ? w : new WeekCounts(week.Week, new Dictionary<string, long>(), new Dictionary<string, long>());
            Compare(week.Week, "count", week.Counts, want.Counts, differences);
            Compare(week.Week, "people", week.People, want.People, differences);
        }

        differences.AddRange(expected.Where(e => e.Key.TeamId == teamId && !seen.Contains(e.Key.Week)).Select(e => $"{e.Key.Week}: not stored"));
        return differences;
    }

    private static void Compare(string week, string what, IReadOnlyDictionary<string, long> stored, IReadOnlyDictionary<string, long> want, List<string> differences)
    {
        foreach (var metric in stored.Keys.Union(want.Keys).Order(StringComparer.Ordinal))
        {
            var (s, w) = (stored.GetValueOrDefault(metric), want.GetValueOrDefault(metric));
            if (s != w)
            {
                differences.Add($"{week} {metric} {what}: stored {s}, events make {w}");
            }
        }
    }
}
