using Azure.Data.Tables;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Retention;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Delivery;

public class DeliveryRetentionTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_settled_message_goes_thirty_days_on_a_newer_one_and_todays_day_row_stay_and_a_message_still_waiting_is_never_swept()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var world = await DeliveryWorld.NewAsync(time: time);
        async Task<DeliveryRequest> RecordAsync(string key, DeliveryState state, TimeSpan settledAgo)
        {
            var request = new DeliveryRequest(DeliveryWorld.Tenant, key, "test.kind", Recipient.Person("29:ana"), "{}");
            await world.Outbox.TryAddAsync(request, time.GetUtcNow() - settledAgo, Ct);
            var entry = (await world.Outbox.FindAsync(DeliveryRef.Of(request), Ct))!;
            await world.Outbox.TryUpdateAsync(entry, Azure.ETag.All, Ct, ("State", state.ToString()), ("SettledAt", state == DeliveryState.Waiting ? null : time.GetUtcNow() - settledAgo));
            return request;
        }

        var old = await RecordAsync("old", DeliveryState.Sent, TimeSpan.FromDays(31));
        var recent = await RecordAsync("recent", DeliveryState.Dropped, TimeSpan.FromDays(29));
        var waiting = await RecordAsync("waiting", DeliveryState.Waiting, TimeSpan.FromDays(90));
        await world.Storage.Outbox.AddEntityAsync(new TableEntity(OutboxStore.Partition(DeliveryWorld.Tenant, RecipientKind.Person, "29:ana"), OutboxStore.DayRow(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), 0)) { ["ClaimedFor"] = "old" }, Ct);

        var sweep = DeliveryRetention.Outbox(world.Storage, time);
        var removed = await sweep.SweepAsync(new RetentionCutoff(time.GetUtcNow().AddYears(-2), time.GetUtcNow().AddYears(-7)), 100, Ct);

        Assert.Null(await world.Outbox.FindAsync(DeliveryRef.Of(old), Ct));
        Assert.NotNull(await world.Outbox.FindAsync(DeliveryRef.Of(waiting), Ct));
        Assert.NotNull(await world.Outbox.FindAsync(DeliveryRef.Of(recent), Ct));
        Assert.Equal(1, removed); // today's day row stays (day rows go by the storage's own Timestamp, 30 days on)
    }
}
