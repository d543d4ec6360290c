using Azure;
using Azure.Data.Tables;

namespace KindnessBot.Core.Storage;

/// <summary>Writes every feature makes the same way, so their concurrency rules live in one place.</summary>
public static class TableWrites
{
    /// <summary>
    /// Writes <paramref name="entity"/> only if the row is as it was read: replaced under the read's ETag, or added when
    /// the read found no row. False when another writer got there first (409 or 412): read again and decide again.
    /// </summary>
    public static async Task<bool> TryAddOrReplaceAsync(this TableClient table, ITableEntity entity, NullableResponse<TableEntity> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            if (read.HasValue)
            {
                await table.UpdateEntityAsync(entity, read.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}
