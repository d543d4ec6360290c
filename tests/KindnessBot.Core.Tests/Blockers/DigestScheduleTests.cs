using KindnessBot.Core.Blockers;

namespace KindnessBot.Core.Tests.Blockers;

/// <summary>When a team's monthly "you said, we did" is due: that day at nine in the team's zone, daylight saving included.</summary>
public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

    [Fact]
    public void The_next_one_is_this_month_when_the_day_is_still_to_come_and_next_month_from_the_moment_it_is_due()
    {
        var due = DigestSchedule.NextAfter(15, London, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero), DigestSchedule.NextAfter(15, London, due));
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero), DigestSchedule.NextAfter(28, London, new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.Zero)).AddDays(-13));
    }

    [Fact]
    public void Nine_in_the_morning_is_local_time_in_summer_and_across_the_date_line()
    {
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 8, 0, 0, TimeSpan.Zero), DigestSchedule.NextAfter(1, London, new DateTimeOffset(2027, 6, 10, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero), DigestSchedule.MonthBefore(new DateTimeOffset(2027, 4, 1, 8, 0, 0, TimeSpan.Zero), 1, London));
        // 09:00 on 1 January in Auckland (NZDT, UTC+13) is 20:00 on 31 December in UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero), DigestSchedule.NextAfter(1, Auckland, new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(29)]
    [InlineData(31)]
    public void Only_days_every_month_has_are_days(int day) => Assert.False(DigestSchedule.IsDay(day));
}
