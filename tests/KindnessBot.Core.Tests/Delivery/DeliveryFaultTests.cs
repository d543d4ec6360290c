using Azure.Core;
using Azure.Core.Pipeline;
using KindnessBot.Core.Delivery;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Tests.Delivery;

/// <summary>What the worker does when storage or the queue hands it something it cannot use: a clear outcome, nothing lost, nothing twice.</summary>
public class DeliveryFaultTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_storage_outage_while_taking_the_send_lease_sends_nothing_then_and_the_message_is_delivered_once_when_storage_answers_again()
    {
        var world = await DeliveryWorld.NewAsync();
        await world.ChannelAsync("19:team");
        var request = new DeliveryRequest(DeliveryWorld.Tenant, "celebrate|one", "test.celebration", Recipient.Conversation("19:team"), "{}");
        await world.Path.EnqueueAsync(request, Ct);
        var outage = new FailWrites(3);
        var sender = new FakeDeliverySender();
        var logger = new ListLogger<DeliveryWorker>();
        using var stop = new CancellationTokenSource();
        var running = world.Worker(sender, "a", logger, outbox: world.OutboxThrough(outage)).RunAsync(stop.Token);

        await Within.UntilAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(sender.TotalPosts > 0), "The message being delivered once storage answers again");
        await Task.Delay(TimeSpan.FromSeconds(2)); // long enough for a second post, were there one
        await stop.CancelAsync();
        await Within.Async(TimeSpan.FromSeconds(10), running, "The worker stopping when asked");

        Assert.Equal(1, sender.TotalPosts);
        Assert.Equal(3, outage.Failed);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Storage trouble", StringComparison.Ordinal));
        Assert.Equal(DeliveryState.Sent, (await world.Outbox.FindAsync(DeliveryRef.Of(request), Ct))?.State);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"tenantId\":\"t\",\"to\":\"Conversation\"}")]
    [InlineData("{\"prompt\":\"someone else's message\"}")]
    public async Task A_queue_message_that_is_not_ours_goes_to_the_poison_queue_and_nothing_is_sent(string text)
    {
        var world = await DeliveryWorld.NewAsync();
        var sender = new FakeDeliverySender();
        await world.Storage.Singles.SendMessageAsync(text, Ct);
        var message = Assert.Single((await world.Storage.Singles.ReceiveMessagesAsync(1, cancellationToken: Ct)).Value);

        await world.Worker(sender, "a").HandleAsync(message, Ct);

        Assert.Equal(0, sender.TotalPosts);
        Assert.Equal(text, Assert.Single((await world.Storage.Poison.ReceiveMessagesAsync(10, cancellationToken: Ct)).Value).MessageText);
        Assert.Equal(0, (await world.Storage.Singles.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_message_recorded_twice_under_one_key_is_kept_once_and_delivered_once()
    {
        var world = await DeliveryWorld.NewAsync();
        await world.ChannelAsync("19:team");
        var request = new DeliveryRequest(DeliveryWorld.Tenant, "celebrate|twice", "test.celebration", Recipient.Conversation("19:team"), "{}");
        var sender = new FakeDeliverySender();

        var first = await world.Path.EnqueueAsync(request, Ct);
        var second = await world.Path.EnqueueAsync(request with { Payload = "{\"changed\":true}" }, Ct);
        var worker = world.Worker(sender, "a");
        foreach (var message in (await world.Storage.Singles.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value)
        {
            await worker.HandleAsync(message, Ct);
        }

        Assert.Equal((true, false), (first, second));
        Assert.Equal(1, sender.TotalPosts);
        Assert.Equal("{}", (await world.Outbox.FindAsync(DeliveryRef.Of(request), Ct))?.Request.Payload);
    }

    [Fact]
    public async Task A_message_for_someone_with_no_chat_is_parked_and_goes_once_when_they_first_talk_to_the_bot()
    {
        var world = await DeliveryWorld.NewAsync();
        var request = new DeliveryRequest(DeliveryWorld.Tenant, "consent|sam", "test.consent", Recipient.Person("29:sam"), "{}") { Nudge = true };
        var sender = new FakeDeliverySender();
        var worker = world.Worker(sender, "a");
        await world.Path.EnqueueAsync(request, Ct);
        await worker.HandleAsync(Assert.Single((await world.Storage.Singles.ReceiveMessagesAsync(1, cancellationToken: Ct)).Value), Ct);
        Assert.Equal(DeliveryState.Parked, (await world.Outbox.FindAsync(DeliveryRef.Of(request), Ct))?.State);

        await world.PersonalChatAsync("29:sam");
        Assert.Equal(1, await world.Path.WakeAsync(DeliveryWorld.Tenant, "29:sam", Ct));
        Assert.Equal(0, await world.Path.WakeAsync(DeliveryWorld.Tenant, "29:sam", Ct)); // a second first turn wakes nothing more
        foreach (var message in (await world.Storage.Singles.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value)
        {
            await worker.HandleAsync(message, Ct);
        }

        Assert.Equal(1, sender.TotalPosts);
        Assert.Equal(DeliveryState.Sent, (await world.Outbox.FindAsync(DeliveryRef.Of(request), Ct))?.State);
    }

    /// <summary>Answers 503 to the first <c>count</c> writes to the outbox's message rows (MERGE/PATCH: the lease and what follows).</summary>
    private sealed class FailWrites(int count) : HttpPipelinePolicy
    {
        private int _left = count;
        private int _failed;

        public int Failed => Volatile.Read(ref _failed);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessNext(message, pipeline);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (message.Request.Method.Method is "MERGE" or "PATCH" && message.Request.Uri.Path.Contains("Deliveries", StringComparison.Ordinal) && Interlocked.Decrement(ref _left) >= 0)
            {
                Interlocked.Increment(ref _failed);
                throw new Azure.RequestFailedException(503, "Storage is unavailable (test outage).");
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
