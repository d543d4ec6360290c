using KindnessBot.Core.Commitments;
using KindnessBot.Core.Measures;

namespace KindnessBot.Core.Learning;

/// <summary>
/// Makes a team's dashboard from its stored weeks, every figure through <see cref="FivePeople"/>. A week with no row
/// is a week where nothing happened. The same figures feed the card, the story of change and its CSV.
/// </summary>
public static class DashboardBuilder
{
    /// <summary>The derived figures' keys (the others are metrics).</summary>
    public const string AnswersPerPrompt = "answers_per_prompt";
    public const string WellbeingAverage = "wellbeing_average";
    public const string MedianDaysToChange = "median_days_to_change";

    private static readonly Commitment[] Named = Enum.GetValues<Commitment>();

    public static TeamDashboard Build(string scopeId, DashboardPeriod period, IReadOnlyList<WeekCounts> stored, int? teamSize)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(stored);
        var previous = period.Previous();
        var byWeek = stored.GroupBy(w => w.Week).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = Weeks(period, byWeek);
        var before = Weeks(previous, byWeek);

        DashboardFigure Count(string metric, string? people = null) =>
            new(metric, FigureKind.Count, Reading.Of(FivePeople.Total(now, metric, people)), Reading.Of(FivePeople.Total(before, metric, people)));

        IReadOnlyList<WeekPoint> Chart(Func<WeekCounts, Reading> value) => [.. now.Select(w => new WeekPoint(w.Week, value(w)))];

        var recognitions = new List<DashboardFigure> { Count(Metrics.Recognitions) };
        var byCommitment = Named.Select(c => Count(Metrics.RecognitionsFor(c))).ToList();

        // The parts beside their total: if any part is withheld, every part is (the total less the parts shown would
        // otherwise be the one withheld).
        var (nowHidden, beforeHidden) = (byCommitment.Any(f => f.Now.Withheld), byCommitment.Any(f => f.Before.Withheld));
        recognitions.AddRange(byCommitment.Select(f => f with { Now = nowHidden ? Reading.Hidden : f.Now, Before = beforeHidden ? Reading.Hidden : f.Before }));

        var sections = new List<DashboardSection>
        {
            new(Commitment.Understanding, recognitions, Metrics.Recognitions, FigureKind.Count, Chart(w => Week(w, Metrics.Recognitions))),
            new(Commitment.Reflective,
                [
                    Count(Metrics.ReflectionPrompts),
                    Count(Metrics.ReflectionAnswers),
                    new(AnswersPerPrompt, FigureKind.Rate, PerPrompt(now), PerPrompt(before)),
                    new(WellbeingAverage, FigureKind.Average, Wellbeing(now), Wellbeing(before)),
                ],
                WellbeingAverage, FigureKind.Average, Chart(w => Wellbeing([w]))),
            new(Commitment.Permissive,
                [
                    Count(Metrics.PermissionsIssued),
                    Count(Metrics.PermissionsRead),
                    // A statement used is someone's decision: judged by the people who made decisions with statements.
                    Count(Metrics.PermissionsUsed, Metrics.DecisionsWithStatement),
                    Count(Metrics.DecisionsWithStatement),
                    Count(Metrics.DecisionsWithoutStatement),
                ],
                Metrics.DecisionsWithStatement, FigureKind.Count, Chart(w => Week(w, Metrics.DecisionsWithStatement))),
            new(Commitment.Systemic,
                [
                    Count(Metrics.BlockersRaised),
                    Count(Metrics.BlockersChanged),
                    Count(Metrics.BlockersNotChanging),
                    new(MedianDaysToChange, FigureKind.Days, MedianDays(now), MedianDays(before)),
                ],
                Metrics.BlockersChanged, FigureKind.Count, Chart(w => Week(w, Metrics.BlockersChanged))),
        };
        return new TeamDashboard(scopeId, period, previous, teamSize, sections);
    }

    private static List<WeekCounts> Weeks(DashboardPeriod period, Dictionary<string, WeekCounts> byWeek) =>
        [.. period.WeekNames.Select(w => byWeek.TryGetValue(w, out var found) ? found : new WeekCounts(w, new Dictionary<string, long>(), new Dictionary<string, long>()))];

    private static Reading Week(WeekCounts week, string metric) => Reading.Of(FivePeople.Total([week], metric));

    private static Reading PerPrompt(IReadOnlyList<WeekCounts> weeks)
    {
        var (prompts, answers) = (FivePeople.Total(weeks, Metrics.ReflectionPrompts), FivePeople.Total(weeks, Metrics.ReflectionAnswers));
        return answers is null ? Reading.Hidden : prompts is null or 0 ? Reading.None : new(Math.Round((double)answers.Value / prompts.Value, 1), false);
    }

    private static Reading Wellbeing(IReadOnlyList<WeekCounts> weeks)
    {
        var (scores, total) = (FivePeople.Total(weeks, Metrics.WellbeingScores), FivePeople.Total(weeks, Metrics.WellbeingTotal, Metrics.WellbeingScores));
        return scores is null || total is null ? Reading.Hidden : scores == 0 ? Reading.None : new(Math.Round((double)total.Value / scores.Value, 1), false);
    }

    /// <summary>The median of the days-to-change histogram over the weeks (leaders' moves: not people-gated).</summary>
    private static Reading MedianDays(IReadOnlyList<WeekCounts> weeks)
    {
        var histogram = new SortedDictionary<int, long>();
        foreach (var (metric, count) in weeks.SelectMany(w => w.Counts))
        {
            if (Metrics.ChangeDaysOf(metric) is { } days && count > 0)
            {
                histogram[days] = histogram.GetValueOrDefault(days) + count;
            }
        }

        var n = histogram.Values.Sum();
        if (n == 0)
        {
            return Reading.None;
        }

        double? lower = null;
        long seen = 0;
        foreach (var (days, count) in histogram)
        {
            // The middle one (n odd), or the average of the middle two (n even).
            if (lower is null && seen + count >= (n + 1) / 2)
            {
                lower = days;
            }

            if (seen + count >= (n / 2) + 1)
            {
                return new((lower!.Value + days) / 2, false);
            }

            seen += count;
        }

        return new(lower, false);
    }
}
