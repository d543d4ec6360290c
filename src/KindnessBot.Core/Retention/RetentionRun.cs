using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Retention;

/// <summary>
/// The daily retention run. Every instance may try; the first to insert the day's row in <see cref="RetentionStorage"/>
/// runs it and the others do nothing. The run goes round every table's sweep a batch at a time until each is done,
/// or its step limit or time budget is spent (the rest waits for the next day). Only counts are logged.
/// </summary>
public sealed partial class RetentionRun(IEnumerable<IRetentionSweep> sweeps, StorageAccount account, RetentionOptions options, TimeProvider time, ILogger<RetentionRun> logger)
{
    private readonly IReadOnlyList<IRetentionSweep> _sweeps = [.. sweeps];
    private readonly TableClient _runs = account.Table(RetentionStorage.TableName);

    /// <summary>Today's run, if this call claims it; null when another instance (or an earlier round) already has.</summary>
    public async Task<RetentionReport?> RunAsync(string instanceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claim = new TableEntity("run", TableRetention.Day(now)) { ["ClaimedBy"] = instanceId, ["ClaimedAt"] = now };
        try
        {
            await _runs.AddEntityAsync(claim, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }

        var report = await SweepAsync(now, cancellationToken);
        claim["Finished"] = report.Finished;
        claim["Removed"] = report.Total;
        await _runs.UpdateEntityAsync(claim, ETag.All, TableUpdateMode.Merge, cancellationToken);
        foreach (var (table, removed) in report.Removed)
        {
            LogRemoved(logger, table, removed);
        }

        LogRun(logger, report.Total, report.Finished);
        return report;
    }

    /// <summary>One pass over every sweep with the cutoff taken from <paramref name="now"/>, unclaimed (the run above claims first).</summary>
    public async Task<RetentionReport> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = RetentionCutoff.At(now, options);
        var removed = _sweeps.ToDictionary(s => s.Table, _ => 0, StringComparer.Ordinal);
        var steps = _sweeps.ToDictionary(s => s.Table, _ => 0, StringComparer.Ordinal);
        var active = _sweeps.ToList();
        var stopped = new HashSet<string>(StringComparer.Ordinal);
        var started = time.GetTimestamp();
        while (active.Count > 0 && time.GetElapsedTime(started) < options.TimeBudget)
        {
            foreach (var sweep in active.ToList())
            {
                var count = await sweep.SweepAsync(cutoff, options.BatchSize, cancellationToken);
                removed[sweep.Table] += count;
                if (count < options.BatchSize)
                {
                    active.Remove(sweep);
                }
                else if (++steps[sweep.Table] >= options.MaxBatchesPerTable)
                {
                    active.Remove(sweep);
                    stopped.Add(sweep.Table);
                }
            }
        }

        return new RetentionReport(removed, active.Count == 0 && stopped.Count == 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Count} rows from {Table}")]
    private static partial void LogRemoved(ILogger logger, string table, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run removed {Count} rows in all (finished: {Finished})")]
    private static partial void LogRun(ILogger logger, int count, bool finished);
}
