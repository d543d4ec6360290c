namespace KindnessBot.Core.Reflection;

/// <summary>Where the teams' reflection schedules are kept.</summary>
public interface IScheduleStore
{
    /// <summary>Stores a schedule, replacing the team's previous one.</summary>
    Task SaveAsync(ReflectionSchedule schedule, CancellationToken cancellationToken);

    Task<ReflectionSchedule?> FindAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a team's schedule without losing a concurrent change: reads it, applies <paramref name="change"/>
    /// (which returns null to leave it as it is), and writes only if nobody wrote in between (ETag), else tries again.
    /// Returns the schedule as stored afterwards.
    /// </summary>
    Task<ReflectionSchedule?> UpdateAsync(string tenantId, string teamId, Func<ReflectionSchedule?, ReflectionSchedule?> change, CancellationToken cancellationToken);

    /// <summary>Every schedule of every tenant, page by page (the scheduler's sweep).</summary>
    IAsyncEnumerable<ReflectionSchedule> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Notes that the slot due at <paramref name="due"/> has been dealt with, so later sweeps pass it by.</summary>
    Task MarkHandledAsync(string tenantId, string teamId, DateTimeOffset due, CancellationToken cancellationToken);
}
