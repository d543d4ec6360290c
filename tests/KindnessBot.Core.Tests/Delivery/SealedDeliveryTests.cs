using Azure.Data.Tables;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Privacy;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Delivery;

/// <summary>
/// A person who acted anonymously still hears back: the feature hands the delivery path a sealed address, the route
/// opens it only to find their chat, and nothing the path writes (outbox rows, pacing, day rows, queue messages) says
/// who the message was for.
/// </summary>
public class SealedDeliveryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task DrainSinglesAsync(DeliveryWorld world, DeliveryWorker worker)
    {
        foreach (var message in (await world.Storage.Singles.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value)
        {
            await worker.HandleAsync(message, Ct);
        }
    }

    private static async Task<string> EverythingStoredAsync(DeliveryWorld world)
    {
        var all = new List<string>();
        foreach (var table in new[] { world.Storage.Outbox, world.Storage.Settings, world.Storage.Pacing })
        {
            await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                all.Add(e.PartitionKey);
                all.Add(e.RowKey);
                all.AddRange(e.Where(p => p.Key is not ("odata.etag" or "Timestamp")).Select(p => $"{p.Key}={p.Value}"));
            }
        }

        foreach (var queue in world.Storage.AllQueues.Append(world.Storage.Poison))
        {
            all.AddRange((await queue.PeekMessagesAsync(32, Ct)).Value.Select(m => m.MessageText));
        }

        return string.Join("\n", all);
    }

    [Fact]
    public async Task A_message_to_a_sealed_address_reaches_the_persons_own_chat_once_and_nothing_stored_says_who_it_was_for()
    {
        var options = DeliveryWorld.FastOptions();
        options.NudgesPerDay = 3;
        var world = await DeliveryWorld.NewAsync(options: options);
        var chat = await world.PersonalChatAsync("29:ana-reporter");
        var address = world.Keys.Addresses.Seal(DeliveryWorld.Tenant, "29:ana-reporter");
        var request = new DeliveryRequest(DeliveryWorld.Tenant, "blocker|b1|Changed", "test.blocker", Recipient.Sealed(address), "{}") { Nudge = true };
        var sender = new FakeDeliverySender();

        Assert.True(await world.Path.EnqueueAsync(request, Ct));
        Assert.False(await world.Path.EnqueueAsync(request, Ct));
        await DrainSinglesAsync(world, world.Worker(sender, "a"));
        await DrainSinglesAsync(world, world.Worker(sender, "b"));

        Assert.Equal(1, sender.Posts.GetValueOrDefault(chat.ConversationId));
        Assert.Equal(1, sender.TotalPosts);
        Assert.Equal(DeliveryState.Sent, (await world.Outbox.FindAsync(DeliveryRef.Of(request), Ct))?.State);
        var stored = await EverythingStoredAsync(world);
        Assert.Contains("Kind=test.blocker", stored, StringComparison.Ordinal); // the raw read does see the rows
        Assert.DoesNotContain("ana-reporter", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("day|", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nudge_to_a_sealed_address_waits_for_the_end_of_the_persons_quiet_hours()
    {
        var options = DeliveryWorld.FastOptions();
        options.QuietHours = true;
        var now = TimeProvider.System.GetUtcNow();
        var tuesdayNight = new DateTimeOffset(now.Date, TimeSpan.Zero).AddDays(((int)DayOfWeek.Tuesday - (int)now.DayOfWeek + 7) % 7).AddHours(22);
        var world = await DeliveryWorld.NewAsync(options: options);
        await world.PersonalChatAsync("29:sam", timeZoneId: "Etc/UTC");
        var request = new DeliveryRequest(DeliveryWorld.Tenant, "blocker|b2|Acknowledged", "test.blocker", Recipient.Sealed(world.Keys.Addresses.Seal(DeliveryWorld.Tenant, "29:sam")), "{}") { Nudge = true };
        var sender = new FakeDeliverySender();
        await world.Path.EnqueueAsync(request, Ct);

        await DrainSinglesAsync(world, world.Worker(sender, "a", time: new FakeTimeProvider(tuesdayNight)));

        Assert.Equal(0, sender.TotalPosts);
        Assert.Equal(DeliveryState.Waiting, (await world.Outbox.FindAsync(DeliveryRef.Of(request), Ct))?.State);
    }

    [Fact]
    public async Task An_address_sealed_for_another_tenant_or_by_another_deployment_reaches_nobody()
    {
        var world = await DeliveryWorld.NewAsync();
        await world.PersonalChatAsync("29:ana");
        var otherTenant = new DeliveryRequest(DeliveryWorld.Tenant, "k|1", "test.blocker", Recipient.Sealed(world.Keys.Addresses.Seal("other-tenant", "29:ana")), "{}");
        var otherKeys = PrivacyKeys.FromBase64(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var otherDeployment = new DeliveryRequest(DeliveryWorld.Tenant, "k|2", "test.blocker", Recipient.Sealed(otherKeys.Addresses.Seal(DeliveryWorld.Tenant, "29:ana")), "{}");
        var sender = new FakeDeliverySender();
        await world.Path.EnqueueAsync(otherTenant, Ct);
        await world.Path.EnqueueAsync(otherDeployment, Ct);

        await DrainSinglesAsync(world, world.Worker(sender, "a"));

        Assert.Equal(0, sender.TotalPosts);
        Assert.Equal(DeliveryState.Failed, (await world.Outbox.FindAsync(DeliveryRef.Of(otherTenant), Ct))?.State);
        Assert.Equal(DeliveryState.Failed, (await world.Outbox.FindAsync(DeliveryRef.Of(otherDeployment), Ct))?.State);
    }

    [Fact]
    public async Task A_message_to_a_sealed_address_may_not_carry_the_persons_directory_id()
    {
        var world = await DeliveryWorld.NewAsync();
        var request = new DeliveryRequest(DeliveryWorld.Tenant, "k|3", "test.blocker", Recipient.Sealed(world.Keys.Addresses.Seal(DeliveryWorld.Tenant, "29:ana")), "{}") { AadObjectId = "aad-ana" };

        await Assert.ThrowsAsync<ArgumentException>(() => world.Path.EnqueueAsync(request, Ct));
    }
}
