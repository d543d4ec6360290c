using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.People;

/// <summary>
/// One row per person and kind (PartitionKey "{tenant}|{person}", RowKey the kind) holding the UTC day and the count
/// so far, raised under its ETag so concurrent changes cannot pass the limit together. The row is reused each day, so
/// a person costs one row per kind however long they use the bot.
/// </summary>
public sealed class TableDailyAllowance(StorageAccount account, TimeProvider time) : IDailyAllowance
{
    private const int MaxAttempts = 20;
    private readonly TableClient _table = account.Table(PeopleStorage.AllowancesTable);

    public async Task<bool> TryTakeAsync(string tenantId, string personId, string kind, int perDay, CancellationToken cancellationToken)
    {
        var partition = Partition(tenantId, personId);
        var row = TableKey.Encode(kind);
        var today = DayOf(time.GetUtcNow());
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            var count = read.HasValue && read.Value!.GetString("Day") == today ? read.Value.GetInt32("Count") ?? 0 : 0;
            if (count >= perDay)
            {
                return false;
            }

            var entity = new TableEntity(partition, row) { ["Day"] = today, ["Count"] = count + 1 };
            if (await _table.TryAddOrReplaceAsync(entity, read, cancellationToken))
            {
                return true;
            }
        }

        // Twenty writers at once for one person is not a person: refuse rather than loop.
        return false;
    }

    /// <summary>The UTC day as the row keeps it ("2026-12-01"): ordered as text, so retention can compare it.</summary>
    internal static string DayOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Partition(string tenantId, string personId) => TableKey.Compose(tenantId, personId);
}
