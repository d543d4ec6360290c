using Azure.Data.Tables;
using KindnessBot.Core.Retention;

namespace KindnessBot.Core.Delivery;

/// <summary>
/// The outbox is a passage, not a record: a settled message (sent, dropped, failed) and a person's day rows go
/// <see cref="KeptFor"/> after they settled, or at the product's retention cut-off if that is sooner. Messages still
/// waiting are never swept. People's settings stay while they use the bot and go with "delete my data".
/// </summary>
public static class DeliveryRetention
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public static IRetentionSweep Outbox(DeliveryStorage storage, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        return new TableRetention(storage.Outbox, DeliveryStorage.OutboxName, c =>
        {
            var before = Max(c.Before, time.GetUtcNow() - KeptFor); // the later of the two: 30 days, or sooner if the product keeps less
            return
            [
                TableClient.CreateQueryFilter($"SettledAt lt {before}"),
                TableClient.CreateQueryFilter($"RowKey ge {"day|"} and RowKey lt {"day}"} and Timestamp lt {before}"),
            ];
        });
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
