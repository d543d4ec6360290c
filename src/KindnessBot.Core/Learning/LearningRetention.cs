using Azure.Data.Tables;
using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Learning;

/// <summary>
/// The aggregates' retention: markers (which only stop an event or a person counting twice) go once their week is
/// older than <see cref="MarkersKeptFor"/>, and week rows (counts, naming no one) after the retention period.
/// </summary>
public sealed class LearningRetention(TableClient table, TimeProvider time) : IRetentionSweep
{
    /// <summary>Longer than anything is counted late: a statement's reads count in the week it was posted, and a statement lasts at most a year.</summary>
    public static readonly TimeSpan MarkersKeptFor = TimeSpan.FromDays(7 * 60);

    public string Table => LearningStorage.TableName;

    public async Task<int> SweepAsync(RetentionCutoff cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cutoff);
        var markersBefore = AggregateKeys.Week(time.GetUtcNow() - MarkersKeptFor);
        var removed = await table.DeleteSomeAsync(TableClient.CreateQueryFilter($"RowKey ge {"x|"} and RowKey lt {"x|" + markersBefore}"), max, cancellationToken);
        return removed >= max ? removed : removed + await table.DeleteSomeAsync(TableClient.CreateQueryFilter($"RowKey ge {"w|"} and RowKey lt {AggregateKeys.WeekRow(AggregateKeys.Week(cutoff.Before))}"), max - removed, cancellationToken);
    }
}
