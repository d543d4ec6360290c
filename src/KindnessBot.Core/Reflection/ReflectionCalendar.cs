using System.Globalization;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// Turns a schedule's wall-clock time into instants, correctly across daylight-saving changes:
/// a local time that does not exist (spring forward) moves to the first instant that does, the moment the
/// clocks change; an ambiguous local time (fall back) happens once, at its first occurrence.
/// </summary>
public static class ReflectionCalendar
{
    internal static readonly DateOnly FirstMonday = new(2001, 1, 1);

    /// <summary>Finds a time zone by IANA id; false for an empty or unknown id (the one rule, shared with quiet hours).</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone) => Delivery.QuietHours.TryFindZone(id, out zone);

    /// <summary>The instant a wall-clock time happens in a zone (see the class summary for DST rules).</summary>
    public static DateTimeOffset Resolve(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var guard = 0;
        while (zone.IsInvalidTime(local))
        {
            // In a spring-forward gap: the first valid local minute is the moment the clocks changed.
            local = local.AddMinutes(1);
            local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
            if (++guard > 24 * 60)
            {
                throw new InvalidOperationException("No valid local time within a day in " + zone.Id);
            }
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static string WeekOf(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)):D2}");

    /// <summary>The ISO week of the local date at <paramref name="now"/> in <paramref name="zone"/>, and of the weeks before it: <paramref name="count"/> in all, newest first.</summary>
    public static IEnumerable<string> RecentWeeks(TimeZoneInfo zone, DateTimeOffset now, int count)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return Enumerable.Range(0, count).Select(back => WeekOf(today.AddDays(-7 * back)));
    }

    /// <summary>The slot of a schedule on a given local date (which should fall on the schedule's day).</summary>
    public static PromptSlot SlotOn(ReflectionSchedule schedule, DateOnly localDate)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new PromptSlot(localDate, Resolve(localDate, schedule.LocalTime, schedule.TimeZone), WeekOf(localDate));
    }

    /// <summary>The latest slot due at or before <paramref name="now"/>.</summary>
    public static PromptSlot LatestSlot(ReflectionSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, schedule.TimeZone).DateTime);
        var back = ((int)today.DayOfWeek - (int)schedule.Day + 7) % 7;
        var slot = SlotOn(schedule, today.AddDays(-back));
        return slot.Due <= now ? slot : SlotOn(schedule, slot.LocalDate.AddDays(-7));
    }

    /// <summary>The first slot due after <paramref name="now"/>.</summary>
    public static PromptSlot NextSlot(ReflectionSchedule schedule, DateTimeOffset now) =>
        SlotOn(schedule, LatestSlot(schedule, now).LocalDate.AddDays(7));

    public static PromptSlot PreviousSlot(ReflectionSchedule schedule, PromptSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return SlotOn(schedule, slot.LocalDate.AddDays(-7));
    }
}
