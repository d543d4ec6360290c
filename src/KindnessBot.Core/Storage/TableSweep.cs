using Azure;
using Azure.Data.Tables;

namespace KindnessBot.Core.Storage;

/// <summary>
/// Reading and removing rows a few at a time, for the work that goes through a whole person's or a whole table's
/// rows (erasing someone's data, retention): every call does a bounded amount, and the caller repeats until it is done.
/// </summary>
public static class TableSweep
{
    /// <summary>The most rows one call reads or removes; Azure's batch limit, and small enough to keep a turn short.</summary>
    public const int Batch = 100;

    /// <summary>Removes one row, whatever its ETag; a row already gone is no failure.</summary>
    public static async Task DeleteIfThereAsync(this TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Gone already.
        }
    }

    /// <summary>Every row <paramref name="filter"/> matches (null: the whole table), page by page.</summary>
    public static async Task<List<TableEntity>> RowsAsync(this TableClient table, string? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Removes at most <paramref name="max"/> of the rows <paramref name="filter"/> matches and says how many it removed;
    /// fewer than <paramref name="max"/> means none are left. Call again until then.
    /// </summary>
    public static async Task<int> DeleteSomeAsync(this TableClient table, string filter, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var found = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            found.Add(row);
            if (found.Count >= max)
            {
                break;
            }
        }

        await table.DeleteAsync(found, cancellationToken);
        return found.Count;
    }

    /// <summary>
    /// Removes <paramref name="rows"/>, one transaction per partition and hundred; a row already gone is no failure. Each
    /// row goes under the ETag it was read with, so a row changed since (a recipient deciding, say) is left for next time.
    /// </summary>
    public static async Task DeleteAsync(this TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var chunk in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(Batch)))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag)), cancellationToken);
            }
            catch (TableTransactionFailedException)
            {
                foreach (var row in chunk)
                {
                    await DeleteOneAsync(table, row, cancellationToken);
                }
            }
        }
    }

    private static async Task DeleteOneAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or changed since it was read: the next pass reads it again.
        }
    }
}
