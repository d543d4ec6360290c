namespace KindnessBot.Core.Delivery;

/// <summary>
/// When a nudge may reach someone: not while paused, not in their quiet hours (which may run over midnight), not at a
/// weekend they keep quiet, all in their own time zone. Local times that do not exist (the hour the clocks go forward)
/// move to the first one that does.
/// </summary>
public sealed class QuietHours(DeliveryOptions options)
{
    /// <summary>The first instant at or after <paramref name="now"/> at which a nudge may be delivered.</summary>
    public DateTimeOffset NextAllowed(NudgeSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var at = settings.PausedUntil > now ? settings.PausedUntil.Value : now;
        if (!options.QuietHours)
        {
            return at;
        }

        var zone = ZoneOf(settings);
        var from = settings.QuietFrom ?? options.QuietFrom;
        var until = settings.QuietUntil ?? options.QuietUntil;

        // Each step moves to the end of one quiet stretch; a week of steps covers any combination.
        for (var step = 0; step < 16; step++)
        {
            var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
            var day = DateOnly.FromDateTime(local);
            var time = TimeOnly.FromDateTime(local);
            if (settings.WeekendsQuiet && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                var monday = day.AddDays(day.DayOfWeek == DayOfWeek.Saturday ? 2 : 1);
                at = Instant(monday.ToDateTime(from > until ? until : TimeOnly.MinValue), zone);
                continue;
            }

            if (from == until)
            {
                return at;
            }

            var quiet = from > until ? time >= from || time < until : time >= from && time < until;
            if (!quiet)
            {
                return at;
            }

            var endDay = from > until && time >= from ? day.AddDays(1) : day;
            at = Instant(endDay.ToDateTime(until), zone);
        }

        return at;
    }

    /// <summary>The person's own calendar day at <paramref name="instant"/>: what "one nudge a day" counts in.</summary>
    public DateOnly LocalDay(NudgeSettings settings, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ZoneOf(settings)).DateTime);

    /// <summary>The instant the person's next day begins (their local midnight after <paramref name="day"/>).</summary>
    public DateTimeOffset NextDayStarts(NudgeSettings settings, DateOnly day) => Instant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), ZoneOf(settings));

    public TimeZoneInfo ZoneOf(NudgeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TryFindZone(settings.TimeZoneId, out var zone) || TryFindZone(options.DefaultTimeZone, out zone) ? zone : TimeZoneInfo.Utc;
    }

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
