using KindnessBot.Core.Measures;

namespace KindnessBot.Core.Learning;

/// <summary>
/// A run of whole ISO weeks, Monday to Sunday: the last <c>Weeks</c> complete weeks before now (the current week is
/// never in one, see <see cref="FivePeople"/>), or the same number just before those.
/// </summary>
public sealed record DashboardPeriod(DateOnly From, DateOnly To)
{
    public static readonly IReadOnlyList<int> Lengths = [4, 12];

    public int Weeks => (To.DayNumber - From.DayNumber + 1) / 7;

    public IEnumerable<string> WeekNames => Enumerable.Range(0, Weeks).Select(i => IsoWeeks.Of(From.AddDays(7 * i)));

    /// <summary>The last <paramref name="weeks"/> complete weeks before <paramref name="now"/>.</summary>
    public static DashboardPeriod Ending(DateTimeOffset now, int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var thisMonday = IsoWeeks.Monday(IsoWeeks.Of(now));
        return new(thisMonday.AddDays(-7 * weeks), thisMonday.AddDays(-1));
    }

    /// <summary>The period of the same length just before this one.</summary>
    public DashboardPeriod Previous() => new(From.AddDays(-7 * Weeks), From.AddDays(-1));

    public bool Holds(string week) => IsoWeeks.IsWeek(week) && IsoWeeks.Monday(week) is var monday && monday >= From && monday <= To;
}
