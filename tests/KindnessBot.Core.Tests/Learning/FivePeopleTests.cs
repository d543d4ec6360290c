using KindnessBot.Core.Learning;
using KindnessBot.Core.Measures;

namespace KindnessBot.Core.Tests.Learning;

/// <summary>
/// The five-person rule over weeks: four people withhold and five show; a period shows only when every week in it does,
/// so no difference of two figures shown (this period and the last, four weeks and twelve, this week's dashboard and
/// next week's) can be a week of fewer than five; parts beside their total go together; the current week is never in.
/// </summary>
public sealed class FivePeopleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 10, 0, 0, TimeSpan.Zero); // a Wednesday of 2026-W50

    private static WeekCounts Week(string week, long count, long people, string metric = Metrics.Recognitions) =>
        new(week, new Dictionary<string, long> { [metric] = count }, new Dictionary<string, long> { [metric] = people });

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void A_weeks_figure_from_four_people_is_withheld_and_from_five_is_shown(int people, bool shown)
    {
        var period = DashboardPeriod.Ending(Now, 4);
        var weeks = period.WeekNames.Select((w, i) => Week(w, i == 2 ? 9 : 0, i == 2 ? people : 0)).ToList();

        var dashboard = DashboardBuilder.Build("team", period, weeks, 20);
        var figure = dashboard.Section(Core.Commitments.Commitment.Understanding)!.Figure(Metrics.Recognitions)!;

        Assert.Equal(shown ? new Reading(9, false) : Reading.Hidden, figure.Now);
        Assert.Equal(shown ? new Reading(9, false) : Reading.Hidden, dashboard.Section(Core.Commitments.Commitment.Understanding)!.Chart[2].Value);
        Assert.Equal(new Reading(0, false), dashboard.Section(Core.Commitments.Commitment.Understanding)!.Chart[1].Value); // nothing, from no one: says nothing of anyone
    }

    [Fact]
    public void No_difference_of_two_shown_figures_is_a_week_of_fewer_than_five()
    {
        // Sixteen weeks, one of them from three people; the dashboards a leader could read, week after week, with 4 and 12 weeks.
        var random = new Random(20261209);
        var first = DashboardPeriod.Ending(Now.AddDays(-7 * 20), 1).From;
        var names = Enumerable.Range(0, 40).Select(i => IsoWeeks.Of(first.AddDays(7 * i))).ToList();
        var few = names[20];
        var weeks = names.Select(w => Week(w, random.Next(5, 30), w == few ? 3 : random.Next(5, 12))).ToList();
        var shown = new List<(HashSet<string> Weeks, long Total)>();
        for (var moved = 0; moved < 16; moved++)
        {
            foreach (var length in DashboardPeriod.Lengths)
            {
                var period = DashboardPeriod.Ending(Now.AddDays(-7 * 20 + (7 * (moved + 14))), length);
                foreach (var p in new[] { period, period.Previous() })
                {
                    var inPeriod = weeks.Where(w => p.Holds(w.Week)).ToList();
                    if (FivePeople.Total(inPeriod, Metrics.Recognitions) is { } total)
                    {
                        shown.Add(([.. inPeriod.Select(w => w.Week)], total));
                    }
                }
            }
        }

        Assert.NotEmpty(shown);
        Assert.DoesNotContain(shown, s => s.Weeks.Contains(few));
        // So any difference of two shown figures covers only weeks of five or more.
        Assert.All(shown.SelectMany(a => shown.Where(b => b.Weeks.IsSupersetOf(a.Weeks)).Select(b => b.Weeks.Except(a.Weeks))), d => Assert.DoesNotContain(few, d));
    }

    [Fact]
    public void One_part_withheld_withholds_every_part_beside_the_total()
    {
        var period = DashboardPeriod.Ending(Now, 4);
        var weeks = period.WeekNames.Select(w => new WeekCounts(
            w,
            new Dictionary<string, long> { [Metrics.Recognitions] = 10, [Metrics.RecognitionsFor(Core.Commitments.Commitment.Listening)] = 8, [Metrics.RecognitionsFor(Core.Commitments.Commitment.Learning)] = 2 },
            new Dictionary<string, long> { [Metrics.Recognitions] = 6, [Metrics.RecognitionsFor(Core.Commitments.Commitment.Listening)] = 6, [Metrics.RecognitionsFor(Core.Commitments.Commitment.Learning)] = 2 })).ToList();

        var section = DashboardBuilder.Build("team", period, weeks, null).Section(Core.Commitments.Commitment.Understanding)!;

        Assert.Equal(new Reading(40, false), section.Figure(Metrics.Recognitions)!.Now);
        Assert.All(section.Figures.Skip(1), f => Assert.Equal(Reading.Hidden, f.Now)); // Listening alone would give Learning away
    }

    [Fact]
    public void A_period_is_whole_weeks_before_this_one_and_the_median_days_come_from_the_histogram()
    {
        var period = DashboardPeriod.Ending(Now, 4);
        Assert.Equal(new DateOnly(2026, 11, 9), period.From);
        Assert.Equal(new DateOnly(2026, 12, 6), period.To);
        Assert.DoesNotContain(IsoWeeks.Of(Now), period.WeekNames);
        Assert.Equal(new DashboardPeriod(new DateOnly(2026, 10, 12), new DateOnly(2026, 11, 8)), period.Previous());

        var changed = new Dictionary<string, long> { [Metrics.ChangeDays(2)] = 1, [Metrics.ChangeDays(5)] = 2, [Metrics.ChangeDays(30)] = 1 };
        var weeks = new List<WeekCounts> { new(period.WeekNames.First(), changed, new Dictionary<string, long>()) };
        var median = DashboardBuilder.Build("team", period, weeks, null).Section(Core.Commitments.Commitment.Systemic)!.Figure(DashboardBuilder.MedianDaysToChange)!;
        Assert.Equal(new Reading(5, false), median.Now); // 2, 5, 5, 30
        Assert.Equal(Reading.None, median.Before);
    }
}
