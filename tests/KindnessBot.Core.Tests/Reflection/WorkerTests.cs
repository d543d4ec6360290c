using KindnessBot.Core.Reflection;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KindnessBot.Core.Tests.Reflection;

/// <summary>Workers against the shared Azurite with real time, a generous ceiling and no backoff, so each test takes a second or two.</summary>
public class WorkerTests
{
    private const string Tenant = "tenant";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static ReflectionOptions FastOptions() => new()
    {
        AppCeilingPerSecond = 400,
        CeilingHeadroom = 1,
        SlotTolerance = TimeSpan.FromMilliseconds(250),
        BaseBackoff = TimeSpan.Zero,
        VisibilityTimeout = TimeSpan.FromSeconds(1),
        SendLease = TimeSpan.FromSeconds(1),
        IdlePoll = TimeSpan.FromMilliseconds(20),
        MaxAttempts = 6,
        WorkerConcurrency = 8,
    };

    /// <summary>
    /// Schedules the teams for half an hour ago by the real clock (the workers run on it) and sweeps once, so every
    /// prompt is due and still open whatever today's date is.
    /// </summary>
    private static async Task<ReflectionStorage> EnqueueTeamsAsync(int teams, int promptQueues = 1)
    {
        var storage = await ReflectionFixture.NewStorageAsync(promptQueues);
        var store = new TableScheduleStore(storage);
        var now = TimeProvider.System.GetUtcNow();
        var due = now.AddMinutes(-30);
        for (var i = 0; i < teams; i++)
        {
            await store.SaveAsync(ReflectionFixture.Schedule(Tenant, $"19:team-{i}", due.DayOfWeek, due.Hour, due.Minute, "Etc/UTC", now.AddDays(-60)), Ct);
        }

        var sweep = await ReflectionFixture.Scheduler(storage, TimeProvider.System, "scheduler").SweepAsync(Ct);
        Assert.True(sweep.Enqueued == teams, $"The sweep at {now:O} enqueued {sweep.Enqueued} of {teams} prompts due at {due:O}.");
        return storage;
    }

    private static PromptWorker Worker(ReflectionStorage storage, IPromptSender sender, string instance, ReflectionOptions? options = null, ILogger<PromptWorker>? logger = null)
    {
        options ??= FastOptions();
        return new PromptWorker(storage, new SlotStore(storage), new FleetSendPacer(storage, options, TimeProvider.System), new ConversationPacer(storage), sender, options, TimeProvider.System, logger ?? NullLogger<PromptWorker>.Instance, instance);
    }

    /// <summary>Runs the workers until every slot is settled (sent or failed), at most 30 seconds, then stops them (at most 10 more).</summary>
    private static async Task RunUntilSettledAsync(ReflectionStorage storage, int teams, params PromptWorker[] workers)
    {
        using var stop = new CancellationTokenSource();
        var running = workers.Select(w => w.RunAsync(stop.Token)).ToList();
        var slots = new SlotStore(storage);
        try
        {
            await Within.UntilAsync(
                TimeSpan.FromSeconds(30),
                async () => (await slots.ListAsync(Tenant, SlotState.Sent, Ct)).Count + (await slots.ListAsync(Tenant, SlotState.Failed, Ct)).Count >= teams,
                $"The workers settling all {teams} prompts (sent or failed)");
        }
        finally
        {
            await stop.CancelAsync();
            await Within.Async(TimeSpan.FromSeconds(10), Task.WhenAll(running), "The workers stopping when asked");
        }
    }

    [Fact]
    public async Task Two_workers_on_three_queue_shards_post_every_prompt_once_and_record_each_activity_id()
    {
        var storage = await EnqueueTeamsAsync(40, promptQueues: 3);
        Assert.All(storage.PromptQueues, q => Assert.True(q.GetProperties().Value.ApproximateMessagesCount > 0));
        var sender = new FakeSender();

        await RunUntilSettledAsync(storage, 40, Worker(storage, sender, "a"), Worker(storage, sender, "b"));

        Assert.Equal(40, sender.Posts.Count);
        Assert.All(sender.Posts.Values, n => Assert.Equal(1, n));
        var sent = await new SlotStore(storage).ListAsync(Tenant, SlotState.Sent, Ct);
        Assert.All(sent, s => Assert.StartsWith("activity-", s.ActivityId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_prompt_that_is_on_the_queue_twice_is_posted_once()
    {
        var storage = await EnqueueTeamsAsync(10);
        foreach (var message in (await storage.Prompts.PeekMessagesAsync(32)).Value)
        {
            await storage.Prompts.SendMessageAsync(message.MessageText); // as when a scheduler takes a claim over
        }

        var sender = new FakeSender();
        await RunUntilSettledAsync(storage, 10, Worker(storage, sender, "a"), Worker(storage, sender, "b"));

        Assert.Equal(10, sender.Posts.Count);
        Assert.All(sender.Posts.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_worker_that_stops_mid_fan_out_loses_nothing_and_its_successor_duplicates_nothing()
    {
        var storage = await EnqueueTeamsAsync(30);
        var sender = new FakeSender();
        using var crash = new CancellationTokenSource();
        var first = Worker(storage, sender, "first");
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
        await RunUntilSettledAsync(storage, 30, Worker(storage, sender, "successor"));

        Assert.InRange(postedBeforeCrash, 12, 29);
        Assert.Equal(30, sender.Posts.Count);
        Assert.All(sender.Posts.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_storm_of_429s_is_survived_with_every_prompt_posted_once_and_a_prompt_that_keeps_failing_goes_to_the_poison_queue()
    {
        var storage = await EnqueueTeamsAsync(20);
        var sender = new FakeSender((prompt, attempt) =>
            prompt.TeamId == "19:team-7" ? SendOutcome.TryLater("503 Service Unavailable")
            : attempt <= 3 ? SendOutcome.TryLater("429 Too Many Requests", TimeSpan.Zero)
            : null);

        await RunUntilSettledAsync(storage, 20, Worker(storage, sender, "a"), Worker(storage, sender, "b"));

        Assert.Equal(19, sender.Posts.Count);
        Assert.All(sender.Posts.Values, n => Assert.Equal(1, n));
        var slots = new SlotStore(storage);
        Assert.All(await slots.ListAsync(Tenant, SlotState.Sent, Ct), s => Assert.Equal(4, s.Attempts));
        var failed = Assert.Single(await slots.ListAsync(Tenant, SlotState.Failed, Ct));
        Assert.Equal(("19:team-7", 6), (failed.Prompt.TeamId, failed.Attempts));
        var poisoned = Assert.Single((await storage.Poison.ReceiveMessagesAsync(10)).Value);
        Assert.Equal("19:team-7", PromptMessage.FromJson(poisoned.MessageText)?.TeamId);
    }

    [Fact]
    public async Task A_send_slower_than_its_lease_is_abandoned_and_retried_so_the_prompt_is_posted_once()
    {
        var storage = await EnqueueTeamsAsync(1);
        var first = 1;
        var sender = new FakeSender
        {
            // The first send hangs past the one-second lease: had it gone on, a second worker would have posted too.
            BeforeEachSend = () => Interlocked.Exchange(ref first, 0) == 1 ? Task.Delay(TimeSpan.FromSeconds(2.5)) : Task.CompletedTask,
        };

        // Both workers keep running until well after the slow send would have ended.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Within.Async(TimeSpan.FromSeconds(15), Task.WhenAll(Worker(storage, sender, "a").RunAsync(stop.Token), Worker(storage, sender, "b").RunAsync(stop.Token)), "Both workers stopping after five seconds");

        Assert.Equal(1, sender.TotalPosts);
        var sent = Assert.Single(await new SlotStore(storage).ListAsync(Tenant, SlotState.Sent, Ct));
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task A_prompt_still_queued_when_it_closes_is_recorded_as_skipped_and_not_posted()
    {
        var storage = await ReflectionFixture.NewStorageAsync();
        var schedule = ReflectionFixture.Schedule(Tenant, "19:team", DayOfWeek.Monday, 9, 0, "Europe/London", DateTimeOffset.UnixEpoch);
        var due = TimeProvider.System.GetUtcNow().AddDays(-6); // open for five days: already closed
        var prompt = PromptMessage.For(schedule, ReflectionCalendar.SlotOn(schedule, DateOnly.FromDateTime(due.UtcDateTime))) with { Due = due, ClosesAt = due.AddDays(5) };
        await new SlotStore(storage).TryInsertAsync(prompt, SlotState.Enqueued, "scheduler", due, null, Ct);
        await storage.Prompts.SendMessageAsync(prompt.ToJson());
        var sender = new FakeSender();

        var message = Assert.Single((await storage.Prompts.ReceiveMessagesAsync(1)).Value);
        await Worker(storage, sender, "a").HandleAsync(message, Ct);

        Assert.Equal(0, sender.TotalPosts);
        Assert.Equal(SlotState.Skipped, (await new SlotStore(storage).FindAsync(Tenant, "19:team", prompt.Week, Ct))?.State);
        Assert.Equal(0, (await storage.Prompts.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_send_that_fails_in_a_way_nobody_expected_is_logged_and_the_prompt_is_posted_on_a_later_try()
    {
        var storage = await EnqueueTeamsAsync(1);
        var first = 1;
        var sender = new FakeSender
        {
            BeforeEachSend = () => Interlocked.Exchange(ref first, 0) == 1 ? throw new InvalidOperationException("a bug") : Task.CompletedTask,
        };
        var logger = new ListLogger<PromptWorker>();

        await RunUntilSettledAsync(storage, 1, Worker(storage, sender, "a", logger: logger));

        Assert.Equal(1, sender.TotalPosts);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Backoff_doubles_from_the_base_is_capped_and_never_undercuts_Retry_After()
    {
        var worker = Worker(await ReflectionFixture.NewStorageAsync(), new FakeSender(), "a", new ReflectionOptions { BaseBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromMinutes(1) });

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
