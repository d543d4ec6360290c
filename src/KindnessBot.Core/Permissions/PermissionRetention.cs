using Azure.Data.Tables;
using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// Decisions (in the log and the person's copy) go by when they were made; a statement, its read markers and its card
/// marker by when it was posted (the key every one of them carries; a statement lasts at most a year, so it has long
/// ended); day counters and calendar days by their day.
/// </summary>
public static class PermissionRetention
{
    public static IRetentionSweep Sweep(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new TableRetention(account.Table(PermissionStorage.TableName), PermissionStorage.TableName, c =>
        [
            TableRetention.DatedBefore("MadeAt", c.Before),
            TableRetention.KeyedBefore("s|", c.Before),
            TableRetention.KeyedBefore("read|", c.Before),
            TableClient.CreateQueryFilter($"RowKey ge {"card|"} and RowKey lt {"card}"} and StatementKey gt {RecordKey.InvertedTicks(c.Before)}"),
            TableRetention.DayBefore("day|", c.Before),
            TableClient.CreateQueryFilter($"PartitionKey ge {"due|"} and PartitionKey lt {"due|" + TableRetention.Day(c.Before)}"),
        ]);
    }
}
