namespace KindnessBot.Core.Reflection;

/// <summary>The outcome of a leader's action: the schedule as stored, or why it was refused.</summary>
public sealed record ScheduleChange(ReflectionSchedule? Schedule, ReflectionRefusal? Refusal, IReadOnlyList<string> Problems)
{
    public static ScheduleChange Done(ReflectionSchedule schedule) => new(schedule, null, []);

    public static ScheduleChange Refused(ReflectionRefusal refusal, IReadOnlyList<string>? problems = null) => new(null, refusal, problems ?? []);
}
