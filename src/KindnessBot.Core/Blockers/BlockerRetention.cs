using Azure.Data.Tables;
using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Blockers;

/// <summary>
/// Closed blockers (changed, not changing, merged) go a year after they closed, or sooner when the retention period is
/// shorter: the blocker row, its index row and who it affected. Open blockers are the team's work and stay. A person's
/// list row for a removed blocker points at nothing and is skipped (and goes with "delete my data").
/// </summary>
public sealed class BlockerRetention(BlockerStorage storage, BlockerStore store, TimeProvider time) : IRetentionSweep
{
    public static readonly TimeSpan ClosedKeptFor = TimeSpan.FromDays(365);

    public string Table => BlockerStorage.BlockersName;

    public async Task<int> SweepAsync(RetentionCutoff cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cutoff);
        var yearAgo = time.GetUtcNow() - ClosedKeptFor;
        var before = cutoff.Before > yearAgo ? cutoff.Before : yearAgo;
        var filter = TableClient.CreateQueryFilter($"Kind eq {"blocker"} and ClosedAt lt {before.ToUniversalTime()}");
        var removed = 0;
        await foreach (var row in storage.Blockers.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            var tenant = TableKey.Decode(row.PartitionKey.Split('|')[0]);
            var blocker = BlockerRows.ToBlocker(tenant, row);
            var affects = TableClient.CreateQueryFilter($"PartitionKey eq {BlockerKeys.AffectsPartition(tenant, blocker.Id)}");
            await PersonalData.PersonalRows.DeleteAllAsync(storage.Blockers, affects, cancellationToken);
            await store.DeleteIfThereAsync(BlockerKeys.IndexPartition(tenant, blocker.TeamId), BlockerKeys.IndexRow(blocker), cancellationToken);
            await store.DeleteIfThereAsync(row.PartitionKey, row.RowKey, cancellationToken);
            if (++removed >= max)
            {
                break;
            }
        }

        // Form markers only stop a form being sent twice: they go after the same period, by their day.
        return removed >= max ? removed : removed + await storage.Blockers.DeleteSomeAsync(TableClient.CreateQueryFilter($"Kind eq {"form"} and Day lt {before.ToUniversalTime()}"), max - removed, cancellationToken);
    }
}
