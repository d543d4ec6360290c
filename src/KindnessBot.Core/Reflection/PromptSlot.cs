namespace KindnessBot.Core.Reflection;

/// <summary>One weekly occasion of a schedule: the local date, the instant it is due, and its ISO week id.</summary>
public sealed record PromptSlot(DateOnly LocalDate, DateTimeOffset Due, string Week)
{
    /// <summary>Weeks since Monday 1 January 2001, counted on the local date: the basis of question rotation.</summary>
    public int WeekIndex => (LocalDate.DayNumber - ReflectionCalendar.FirstMonday.DayNumber) / 7;
}
