namespace KindnessBot.Core.Retention;

/// <summary>
/// Removes a table's rows that are older than the retention period, a few at a time. Each feature makes one per table
/// that holds dated personal data (usually a <see cref="TableRetention"/> with its own rules) and its module registers
/// it; the daily <see cref="RetentionRun"/> drives them all.
/// </summary>
public interface IRetentionSweep
{
    /// <summary>The table it sweeps, for the counts in the log.</summary>
    string Table { get; }

    /// <summary>Removes at most <paramref name="max"/> rows older than the cutoff; fewer than <paramref name="max"/> means none are left.</summary>
    Task<int> SweepAsync(RetentionCutoff cutoff, int max, CancellationToken cancellationToken);
}
