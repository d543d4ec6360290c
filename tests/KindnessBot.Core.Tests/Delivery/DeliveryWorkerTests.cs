using KindnessBot.Core.Delivery;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Tests.Reflection;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Tests.Delivery;

/// <summary>
/// Workers on the delivery path against the shared Azurite with real time, a generous ceiling and no backoff, so each
/// test takes a second or two. Weekly prompts are the wave: the scheduler hands them to the path, the worker posts them
/// and the prompt's reaction writes the outcome on its slot.
/// </summary>
public class DeliveryWorkerTests
{
    private const string Tenant = DeliveryWorld.Tenant;
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>
    /// Schedules the teams for half an hour ago by the real clock (the workers run on it) and sweeps once, so every
    /// prompt is due and still open whatever today's date is. Each team's channel is on record.
    /// </summary>
    private static async Task<DeliveryWorld> EnqueueTeamsAsync(int teams, int waveShards = 1, params string[] tenants)
    {
        var world = await DeliveryWorld.NewAsync(waveShards);
        var store = new TableScheduleStore(world.Reflection);
        var now = TimeProvider.System.GetUtcNow();
        var due = now.AddMinutes(-30);
        tenants = tenants.Length == 0 ? [Tenant] : tenants;
        foreach (var tenant in tenants)
        {
            for (var i = 0; i < teams; i++)
            {
                await store.SaveAsync(ReflectionFixture.Schedule(tenant, $"19:team-{i}", due.DayOfWeek, due.Hour, due.Minute, "Etc/UTC", now.AddDays(-60)), Ct);
                await world.ChannelAsync($"19:team-{i}-general", tenant);
            }
        }

        var sweep = await world.Scheduler("scheduler").SweepAsync(Ct);
        Assert.True(sweep.Enqueued == teams * tenants.Length, $"The sweep at {now:O} enqueued {sweep.Enqueued} of {teams * tenants.Length} prompts due at {due:O}.");
        return world;
    }

    /// <summary>Runs the workers until every slot is settled (sent or failed), at most 30 seconds, then stops them (at most 10 more).</summary>
    private static async Task RunUntilSettledAsync(DeliveryWorld world, int teams, params DeliveryWorker[] workers)
    {
        using var stop = new CancellationTokenSource();
        var running = workers.Select(w => w.RunAsync(stop.Token)).ToList();
        try
        {
            await Within.UntilAsync(
                TimeSpan.FromSeconds(30),
                async () => (await world.Slots.ListAsync(Tenant, SlotState.Sent, Ct)).Count + (await world.Slots.ListAsync(Tenant, SlotState.Failed, Ct)).Count >= teams,
                $"The workers settling all {teams} prompts (sent or failed)");
        }
        finally
        {
            await stop.CancelAsync();
            await Within.Async(TimeSpan.FromSeconds(10), Task.WhenAll(running), "The workers stopping when asked");
        }
    }

    [Fact]
    public async Task Two_workers_post_every_prompt_of_three_tenants_once_each_tenants_wave_on_its_own_shard_and_record_each_activity_id()
    {
        // Three tenants whose waves hash to three different shards.
        var probe = new DeliveryStorage((await DeliveryWorld.NewAsync()).Account, 3);
        string[] tenants = [Tenant, .. Enumerable.Range(1, 100).Select(i => $"tenant-{i}").Where(t => probe.WaveQueueFor(t).Name != probe.WaveQueueFor(Tenant).Name).Take(1)];
        tenants = [.. tenants, .. Enumerable.Range(101, 100).Select(i => $"tenant-{i}").Where(t => tenants.All(o => probe.WaveQueueFor(o).Name != probe.WaveQueueFor(t).Name)).Take(1)];
        var world = await EnqueueTeamsAsync(15, 3, tenants);
        Assert.All(tenants, t => Assert.True(world.Storage.WaveQueueFor(t).GetProperties().Value.ApproximateMessagesCount == 15, $"{t}'s 15 prompts on its own shard"));
        var sender = new FakeDeliverySender();
        using var stop = new CancellationTokenSource();
        var running = new[] { world.Worker(sender, "a").RunAsync(stop.Token), world.Worker(sender, "b").RunAsync(stop.Token) };

        await Within.UntilAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(sender.Delivered.Count >= 45), "Both workers posting all 45 prompts");
        await stop.CancelAsync();
        await Within.Async(TimeSpan.FromSeconds(10), Task.WhenAll(running), "The workers stopping when asked");

        Assert.Equal(45, sender.Delivered.Count);
        Assert.All(sender.Delivered.Values, n => Assert.Equal(1, n));
        var sent = await world.Slots.ListAsync(Tenant, SlotState.Sent, Ct);
        Assert.Equal(15, sent.Count);
        Assert.All(sent, s => Assert.StartsWith("activity-", s.ActivityId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_prompt_that_is_on_the_queue_twice_is_posted_once()
    {
        var world = await EnqueueTeamsAsync(10);
        foreach (var message in (await world.Storage.Waves[0].PeekMessagesAsync(32)).Value)
        {
            await world.Storage.Waves[0].SendMessageAsync(message.MessageText); // as when a scheduler takes a claim over
        }

        var sender = new FakeDeliverySender();
        await RunUntilSettledAsync(world, 10, world.Worker(sender, "a"), world.Worker(sender, "b"));

        Assert.Equal(10, sender.Posts.Count);
        Assert.All(sender.Posts.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_worker_that_stops_mid_fan_out_loses_nothing_and_its_successor_duplicates_nothing()
    {
        var world = await EnqueueTeamsAsync(30);
        var sender = new FakeDeliverySender();
        using var crash = new CancellationTokenSource();
        var first = world.Worker(sender, "first");
        sender.BeforeEachSend = async () =>
        {
            if (sender.TotalPosts >= 12)
            {
                await crash.CancelAsync(); // the process dies before this send reaches Teams
                throw new OperationCanceledException(crash.Token);
            }
        };

        await Within.Async(TimeSpan.FromSeconds(30), first.RunAsync(crash.Token), "The first worker reaching its 12th send (where it crashes)");
        var postedBeforeCrash = sender.TotalPosts;
        sender.BeforeEachSend = null;
        await RunUntilSettledAsync(world, 30, world.Worker(sender, "successor"));

        Assert.InRange(postedBeforeCrash, 12, 29);
        Assert.Equal(30, sender.Posts.Count);
        Assert.All(sender.Posts.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_storm_of_429s_is_survived_with_every_prompt_posted_once_and_a_prompt_that_keeps_failing_goes_to_the_poison_queue()
    {
        var world = await EnqueueTeamsAsync(20);
        var sender = new FakeDeliverySender((entry, attempt) =>
            entry.Request.To.Id == "19:team-7-general" ? SendOutcome.TryLater("503 Service Unavailable")
            : attempt <= 3 ? SendOutcome.TryLater("429 Too Many Requests", TimeSpan.Zero)
            : null);

        await RunUntilSettledAsync(world, 20, world.Worker(sender, "a"), world.Worker(sender, "b"));

        Assert.Equal(19, sender.Posts.Count);
        Assert.All(sender.Posts.Values, n => Assert.Equal(1, n));
        var failed = Assert.Single(await world.Slots.ListAsync(Tenant, SlotState.Failed, Ct));
        Assert.Equal("19:team-7", failed.Prompt.TeamId);
        var row = await world.Outbox.FindAsync(DeliveryRef.Of(PromptDelivery.Request(failed.Prompt)), Ct);
        Assert.Equal((DeliveryState.Failed, 6), (row?.State, row?.Attempts));
        var poisoned = Assert.Single((await world.Storage.Poison.ReceiveMessagesAsync(10)).Value);
        Assert.Equal("prompt|19:team-7|" + failed.Prompt.Week, DeliveryRef.FromJson(poisoned.MessageText)?.Key);
    }

    [Fact]
    public async Task A_send_slower_than_its_lease_is_abandoned_and_retried_so_the_prompt_is_posted_once()
    {
        var world = await EnqueueTeamsAsync(1);
        var first = 1;
        var sender = new FakeDeliverySender
        {
            // The first send hangs past the one-second lease: had it gone on, a second worker would have posted too.
            BeforeEachSend = () => Interlocked.Exchange(ref first, 0) == 1 ? Task.Delay(TimeSpan.FromSeconds(2.5)) : Task.CompletedTask,
        };

        // Both workers keep running until well after the slow send would have ended.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Within.Async(TimeSpan.FromSeconds(15), Task.WhenAll(world.Worker(sender, "a").RunAsync(stop.Token), world.Worker(sender, "b").RunAsync(stop.Token)), "Both workers stopping after five seconds");

        Assert.Equal(1, sender.TotalPosts);
        var sent = Assert.Single(await world.Slots.ListAsync(Tenant, SlotState.Sent, Ct));
        var row = await world.Outbox.FindAsync(DeliveryRef.Of(PromptDelivery.Request(sent.Prompt)), Ct);
        Assert.Equal((DeliveryState.Sent, 2), (row?.State, row?.Attempts));
    }

    [Fact]
    public async Task A_prompt_still_queued_when_it_closes_is_recorded_as_skipped_and_not_posted()
    {
        var world = await DeliveryWorld.NewAsync();
        await world.ChannelAsync("19:team-general");
        var schedule = ReflectionFixture.Schedule(Tenant, "19:team", DayOfWeek.Monday, 9, 0, "Europe/London", DateTimeOffset.UnixEpoch);
        var due = TimeProvider.System.GetUtcNow().AddDays(-6); // open for five days: already closed
        var prompt = PromptMessage.For(schedule, ReflectionCalendar.SlotOn(schedule, DateOnly.FromDateTime(due.UtcDateTime))) with { Due = due, ClosesAt = due.AddDays(5) };
        await world.Slots.TryInsertAsync(prompt, SlotState.Enqueued, "scheduler", due, null, Ct);
        await world.Path.EnqueueAsync(PromptDelivery.Request(prompt) with { Wave = false }, Ct);
        var sender = new FakeDeliverySender();

        var message = Assert.Single((await world.Storage.Singles.ReceiveMessagesAsync(1)).Value);
        await world.Worker(sender, "a").HandleAsync(message, Ct);

        Assert.Equal(0, sender.TotalPosts);
        Assert.Equal(SlotState.Skipped, (await world.Slots.FindAsync(Tenant, "19:team", prompt.Week, Ct))?.State);
        Assert.Equal(0, (await world.Storage.Singles.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_send_that_fails_in_a_way_nobody_expected_is_logged_and_the_prompt_is_posted_on_a_later_try()
    {
        var world = await EnqueueTeamsAsync(1);
        var first = 1;
        var sender = new FakeDeliverySender
        {
            BeforeEachSend = () => Interlocked.Exchange(ref first, 0) == 1 ? throw new InvalidOperationException("a bug") : Task.CompletedTask,
        };
        var logger = new ListLogger<DeliveryWorker>();

        await RunUntilSettledAsync(world, 1, world.Worker(sender, "a", logger: logger));

        Assert.Equal(1, sender.TotalPosts);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Backoff_doubles_from_the_base_is_capped_and_never_undercuts_Retry_After()
    {
        var world = await DeliveryWorld.NewAsync();
        var worker = world.Worker(new FakeDeliverySender(), "a", options: new DeliveryOptions { BaseBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromMinutes(1) });

        Assert.Equal(TimeSpan.FromSeconds(2), worker.Backoff(1, null));
        Assert.Equal(TimeSpan.FromSeconds(16), worker.Backoff(4, TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(30), worker.Backoff(2, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromMinutes(1), worker.Backoff(12, null));
    }

    [Theory]
    [InlineData(429, SendResult.Transient)]
    [InlineData(412, SendResult.Transient)]
    [InlineData(502, SendResult.Transient)]
    [InlineData(503, SendResult.Transient)]
    [InlineData(504, SendResult.Transient)]
    [InlineData(201, SendResult.Sent)]
    [InlineData(403, SendResult.Permanent)]
    [InlineData(404, SendResult.Permanent)]
    public void Teams_statuses_are_classified_as_the_limits_document_says(int status, SendResult expected) =>
        Assert.Equal(expected, SendOutcome.Classify(status));
}
