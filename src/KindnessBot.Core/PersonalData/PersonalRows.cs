using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.PersonalData;

/// <summary>The pieces every personal data source uses: rows as they go into the file, and the neutral stand-in for an erased person.</summary>
public static class PersonalRows
{
    /// <summary>
    /// Stands where an erased person's name was, in rows kept for someone else (a recognition they gave). Stored, so it
    /// is the same in every language; cards show it as any other name.
    /// </summary>
    public const string ErasedName = "A colleague";

    /// <summary>A row as it is stored (its keys, its properties and when storage last wrote it), without the ETag.</summary>
    public static IReadOnlyDictionary<string, object?> Item(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Where(p => p.Key != "odata.etag").OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
    }

    public static PersonalDataSection Section(string name, IEnumerable<TableEntity> rows) => new(name, [.. rows.Select(Item)]);

    /// <summary>
    /// Removes every row <paramref name="filter"/> matches, <see cref="TableSweep.Batch"/> at a time, and says how many.
    /// </summary>
    public static async Task<int> DeleteAllAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var total = 0;
        int removed;
        do
        {
            removed = await table.DeleteSomeAsync(filter, TableSweep.Batch, cancellationToken);
            total += removed;
        }
        while (removed == TableSweep.Batch);
        return total;
    }
}
