using System.Globalization;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Reflection;

/// <summary>The set-up form, read and checked as far as a card can be; the schedule's own rules are checked in Core.</summary>
internal sealed record ScheduleForm(ScheduleChoice Choice, string? TeamId)
{
    public static Parsed<ScheduleForm> Read(SubmitPayload payload)
    {
        var day = payload.Text("day", 9, required: true);
        var time = payload.Text("time", 5, required: true);
        var zone = payload.Text("zone", 64, required: true);
        var commitments = payload.Commitments("commitments", required: false);
        var openFor = payload.Number("openFor", 1, 7);
        var team = payload.Text("team", 256, required: false);
        var problem = day.Problem ?? time.Problem ?? zone.Problem ?? commitments.Problem ?? openFor.Problem ?? team.Problem;
        if (problem is not null)
        {
            return Parsed<ScheduleForm>.Invalid(problem);
        }

        // A day or time that is not one is refused by the schedule's own rules, with its kind message (ImpossibleTime).
        var weekday = Enum.GetNames<DayOfWeek>().Contains(day.Value, StringComparer.Ordinal) ? Enum.Parse<DayOfWeek>(day.Value!) : (DayOfWeek)(-1);
        var at = TimeOnly.TryParseExact(time.Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? (parsed.Hour, parsed.Minute) : (-1, -1);

        var choice = new ScheduleChoice(weekday, at.Item1, at.Item2, zone.Value, commitments.Value!, openFor.Value);
        return Parsed<ScheduleForm>.Valid(new ScheduleForm(choice, team.Value));
    }
}
