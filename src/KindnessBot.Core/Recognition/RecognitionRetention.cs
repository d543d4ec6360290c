using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Recognition;

/// <summary>
/// Recognitions go when they were given before the cutoff (every copy carries GivenAt: the giver's, the recipient's and
/// the team's), card markers with them (their recognition key holds the same moment), day counters by their day.
/// </summary>
public static class RecognitionRetention
{
    public static IRetentionSweep Sweep(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new TableRetention(account.Table(RecognitionStorage.TableName), RecognitionStorage.TableName, c =>
        [
            TableRetention.DatedBefore("GivenAt", c.Before),
            Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey ge {"card|"} and RowKey lt {"card}"} and RecognitionKey gt {RecordKey.InvertedTicks(c.Before)}"),
            TableRetention.DayBefore("day|", c.Before),
        ]);
    }
}
