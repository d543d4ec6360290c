using KindnessBot.Core.Reflection;

namespace KindnessBot.Core.Tests.Reflection;

public class CalendarTests
{
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static ReflectionSchedule Sunday(string zone, int hour, int minute) =>
        ReflectionFixture.Schedule("t", "team", DayOfWeek.Sunday, hour, minute, zone, LongAgo);

    [Theory]
    // Spring forward: the local time does not exist; the prompt goes at the moment the clocks change.
    [InlineData("Europe/London", 2026, 3, 29, 1, 30, "2026-03-29T01:00:00Z")]
    [InlineData("America/New_York", 2026, 3, 8, 2, 30, "2026-03-08T07:00:00Z")]
    [InlineData("Australia/Sydney", 2026, 10, 4, 2, 30, "2026-10-03T16:00:00Z")]
    // Fall back: the local time happens twice; the prompt goes at the first.
    [InlineData("Europe/London", 2026, 10, 25, 1, 30, "2026-10-25T00:30:00Z")]
    [InlineData("America/New_York", 2026, 11, 1, 1, 30, "2026-11-01T05:30:00Z")]
    [InlineData("Australia/Sydney", 2026, 4, 5, 2, 30, "2026-04-04T15:30:00Z")]
    public void A_time_on_a_change_day_resolves_to_one_real_instant(string zone, int y, int mo, int d, int h, int mi, string expected)
    {
        var slot = ReflectionCalendar.SlotOn(Sunday(zone, h, mi), new DateOnly(y, mo, d));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), slot.Due);
    }

    [Fact]
    public void A_London_prompt_keeps_its_local_time_across_the_spring_change()
    {
        var schedule = Sunday("Europe/London", 9, 0);

        var before = ReflectionCalendar.LatestSlot(schedule, Utc(2026, 3, 27, 12));
        var after = ReflectionCalendar.NextSlot(schedule, Utc(2026, 3, 27, 12));

        Assert.Equal((Utc(2026, 3, 22, 9), "2026-W12"), (before.Due, before.Week));
        Assert.Equal((Utc(2026, 3, 29, 8), "2026-W13"), (after.Due, after.Week));
    }

    [Fact]
    public void The_latest_slot_is_the_one_due_at_or_before_now_and_the_next_is_a_week_on()
    {
        var schedule = ReflectionFixture.Schedule("t", "team", DayOfWeek.Monday, 9, 0, "America/New_York", LongAgo);

        Assert.Equal(Utc(2026, 11, 23, 14), ReflectionCalendar.LatestSlot(schedule, Utc(2026, 11, 23, 14)).Due);
        Assert.Equal(Utc(2026, 11, 16, 14), ReflectionCalendar.LatestSlot(schedule, Utc(2026, 11, 23, 13, 59)).Due);
        Assert.Equal(Utc(2026, 11, 30, 14), ReflectionCalendar.NextSlot(schedule, Utc(2026, 11, 23, 14)).Due);
    }

    [Fact]
    public void Teams_in_different_zones_get_their_own_local_time_and_their_own_local_week()
    {
        var now = Utc(2026, 11, 30, 1); // Monday 01:00 in London is still Sunday evening in New York, Monday noon in Sydney
        var london = ReflectionFixture.Schedule("t", "a", DayOfWeek.Monday, 9, 0, "Europe/London", LongAgo);
        var newYork = ReflectionFixture.Schedule("t", "b", DayOfWeek.Monday, 9, 0, "America/New_York", LongAgo);
        var sydney = ReflectionFixture.Schedule("t", "c", DayOfWeek.Monday, 9, 0, "Australia/Sydney", LongAgo);

        Assert.Equal((Utc(2026, 11, 23, 9), "2026-W48"), (ReflectionCalendar.LatestSlot(london, now).Due, ReflectionCalendar.LatestSlot(london, now).Week));
        Assert.Equal((Utc(2026, 11, 23, 14), "2026-W48"), (ReflectionCalendar.LatestSlot(newYork, now).Due, ReflectionCalendar.LatestSlot(newYork, now).Week));
        Assert.Equal((Utc(2026, 11, 29, 22), "2026-W49"), (ReflectionCalendar.LatestSlot(sydney, now).Due, ReflectionCalendar.LatestSlot(sydney, now).Week));
    }

    [Fact]
    public void The_week_is_the_ISO_week_of_the_local_date_even_at_the_turn_of_the_year()
    {
        Assert.Equal("2026-W53", ReflectionCalendar.WeekOf(new DateOnly(2027, 1, 1)));
        Assert.Equal("2025-W01", ReflectionCalendar.WeekOf(new DateOnly(2024, 12, 30)));
    }
}
