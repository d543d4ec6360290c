using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Blockers;

/// <summary>
/// Blockers in the Blockers table (keys: <see cref="BlockerKeys"/>). Every read is a point read or a key range of one
/// partition, never a scan. The blocker row is the truth and is written under its ETag (of two concurrent changes one
/// wins); its team's index row follows it (written after, the old one removed), so a list never misses a blocker.
/// </summary>
public sealed class BlockerStore(BlockerStorage storage)
{
    private readonly TableClient _table = storage.Blockers;

    public async Task<Blocker?> FindAsync(string tenantId, string blockerId, CancellationToken cancellationToken)
    {
        if (!RecordKey.IsKey(blockerId))
        {
            return null;
        }

        var found = await _table.GetEntityIfExistsAsync<TableEntity>(BlockerKeys.BlockerPartition(tenantId), blockerId, cancellationToken: cancellationToken);
        return found.HasValue ? BlockerRows.ToBlocker(tenantId, found.Value!) : null;
    }

    /// <summary>Adds a new blocker, its index row, the reporter's affects row and their list row; null when that id is taken (the same form again).</summary>
    public async Task<Blocker?> AddAsync(Blocker blocker, TableEntity reporterAffects, TableEntity reporterList, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocker);
        Response added;
        try
        {
            added = await _table.AddEntityAsync(BlockerRows.Row(blocker), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }

        await _table.UpsertEntityAsync(BlockerRows.IndexRow(blocker), TableUpdateMode.Replace, cancellationToken);
        await _table.AddEntityAsync(reporterAffects, cancellationToken);
        await _table.AddEntityAsync(reporterList, cancellationToken);
        return blocker with { ETag = added.Headers.ETag ?? default };
    }

    /// <summary>
    /// Replaces <paramref name="before"/> with <paramref name="after"/> if nobody changed it since it was read, then moves
    /// its index row. Null when someone else got there first.
    /// </summary>
    public async Task<Blocker?> TryReplaceAsync(Blocker before, Blocker after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        Response written;
        try
        {
            written = await _table.UpdateEntityAsync(BlockerRows.Row(after), before.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }

        await _table.UpsertEntityAsync(BlockerRows.IndexRow(after), TableUpdateMode.Replace, cancellationToken);
        var (oldPartition, oldRow) = (BlockerKeys.IndexPartition(before.TenantId, before.TeamId), BlockerKeys.IndexRow(before));
        if (oldPartition != BlockerKeys.IndexPartition(after.TenantId, after.TeamId) || oldRow != BlockerKeys.IndexRow(after))
        {
            await DeleteIfThereAsync(oldPartition, oldRow, cancellationToken);
        }

        return after with { ETag = written.Headers.ETag ?? default };
    }

    /// <summary>
    /// The blocker id a report form stands for: <paramref name="id"/> if this is the form's first send, otherwise the id
    /// its first send claimed. A marker per form (a hash of the form's random id: nothing about who sent it).
    /// </summary>
    public async Task<string> ClaimFormAsync(string tenantId, string formKey, string id, DateTimeOffset day, CancellationToken cancellationToken)
    {
        var partition = BlockerKeys.FormPartition(tenantId);
        try
        {
            await _table.AddEntityAsync(new TableEntity(partition, formKey) { ["Kind"] = "form", ["Blocker"] = id, ["Day"] = day }, cancellationToken);
            return id;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, formKey, cancellationToken: cancellationToken);
            return found.HasValue && found.Value!.GetString("Blocker") is { } claimed && RecordKey.IsKey(claimed) ? claimed : id;
        }
    }

    /// <summary>Adds a person's tag to a blocker's affected; false when they are there already.</summary>
    public async Task<bool> TryAddAffectedAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public Task<List<TableEntity>> AffectedAsync(string tenantId, string blockerId, CancellationToken cancellationToken) =>
        _table.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {BlockerKeys.AffectsPartition(tenantId, blockerId)}"), cancellationToken);

    /// <summary>One page of a team's open blockers: new, then acknowledged, then in progress, newest first in each.</summary>
    public async Task<BlockerPage> TriageAsync(string tenantId, string teamId, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var filter = Range(BlockerKeys.IndexPartition(tenantId, teamId), BlockerKeys.OpenPrefix, BlockerKeys.End(BlockerKeys.OpenPrefix));
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            return new BlockerPage([.. page.Values.Select(BlockerRows.ToSummary)], page.ContinuationToken);
        }

        return new BlockerPage([], null);
    }

    /// <summary>A team's open blockers and those closed since <paramref name="since"/>, at most <paramref name="max"/> of each.</summary>
    public async Task<TeamBlockers> TeamAsync(string tenantId, string teamId, DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        var partition = BlockerKeys.IndexPartition(tenantId, teamId);
        var open = await TakeAsync(Range(partition, BlockerKeys.OpenPrefix, BlockerKeys.End(BlockerKeys.OpenPrefix)), max, cancellationToken);
        var closed = await TakeAsync(Range(partition, BlockerKeys.ClosedPrefix, BlockerKeys.ClosedBefore(since)), max, cancellationToken);
        return new TeamBlockers(open, closed);
    }

    /// <summary>A team's blockers closed from <paramref name="since"/> up to (not including) <paramref name="until"/>, newest first, at most <paramref name="max"/>.</summary>
    public Task<List<BlockerSummary>> ClosedBetweenAsync(string tenantId, string teamId, DateTimeOffset since, DateTimeOffset until, int max, CancellationToken cancellationToken) =>
        TakeAsync(Range(BlockerKeys.IndexPartition(tenantId, teamId), BlockerKeys.ClosedBefore(until.AddTicks(-1)), BlockerKeys.ClosedBefore(since.AddTicks(-1))), max, cancellationToken);

    public Task<List<TableEntity>> PersonListAsync(string tenantId, string personTag, CancellationToken cancellationToken) =>
        _table.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {BlockerKeys.PersonPartition(tenantId, personTag)}"), cancellationToken);

    public Task DeleteIfThereAsync(string partition, string row, CancellationToken cancellationToken) => _table.DeleteIfThereAsync(partition, row, cancellationToken);

    private async Task<List<BlockerSummary>> TakeAsync(string filter, int max, CancellationToken cancellationToken)
    {
        var found = new List<BlockerSummary>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            found.Add(BlockerRows.ToSummary(row));
            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    private static string Range(string partition, string from, string to) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
}
