using System.Globalization;

namespace KindnessBot.Core.Measures;

/// <summary>ISO weeks ("2026-W49", UTC): the weeks every count is kept by.</summary>
public static class IsoWeeks
{
    public static string Of(DateTimeOffset at) => Of(DateOnly.FromDateTime(at.UtcDateTime));

    public static string Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    /// <summary>Whether <paramref name="week"/> is a week's name ("2026-W49").</summary>
    public static bool IsWeek(string? week) =>
        week is { Length: 8 } && week[4] == '-' && week[5] == 'W' && int.TryParse(week.AsSpan(0, 4), CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 9999
        && int.TryParse(week.AsSpan(6), CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= ISOWeek.GetWeeksInYear(year);

    /// <summary>The Monday <paramref name="week"/> starts on.</summary>
    public static DateOnly Monday(string week)
    {
        if (!IsWeek(week))
        {
            throw new ArgumentException("Not a week's name.", nameof(week));
        }

        return DateOnly.FromDateTime(ISOWeek.ToDateTime(int.Parse(week.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(week.AsSpan(6), CultureInfo.InvariantCulture), DayOfWeek.Monday));
    }

    /// <summary>The start of <paramref name="week"/>'s Monday, UTC: the moment a count of that week is placed at.</summary>
    public static DateTimeOffset Start(string week) => new(Monday(week).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
