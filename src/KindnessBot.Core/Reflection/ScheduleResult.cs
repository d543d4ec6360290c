namespace KindnessBot.Core.Reflection;

/// <summary>The outcome of validating a schedule request: a schedule, or the reasons it was refused.</summary>
public sealed record ScheduleResult(ReflectionSchedule? Schedule, IReadOnlyList<ScheduleProblem> Problems)
{
    public bool IsValid => Schedule is not null;

    /// <summary>The refusals in plain British English, for the leader's card.</summary>
    public IReadOnlyList<string> Messages => [.. Problems.Select(ReflectionText.Explain)];
}
