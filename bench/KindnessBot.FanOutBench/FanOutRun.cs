using System.Diagnostics;
using Azure.Storage.Queues;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KindnessBot.FanOutBench;

internal sealed record FanOutResult(string Name, int Teams, double Seconds, double MedianSecond, long Requests, int Delivered, int Duplicates, int Losses, long AppViolations, long ConversationViolations, long Injected429s, int Failed, long WastedSlots, int StalledSeconds)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>The rate over the seconds in which storage answered: Azurite's queue service stops everything for several seconds every minute (QueueGCManager, a 60 s mark-and-sweep of message extents); Azure's queues do not.</summary>
    public double RequestsPerAnsweringSecond => Requests / Math.Max(1, Seconds - StalledSeconds);

    public double DeliveredPerSecond => Delivered / Seconds;
}

/// <summary>One fan-out: schedules for N teams of one tenant, two schedulers, two workers, one connector.</summary>
internal static class FanOutRun
{
    private const string Tenant = "bench-tenant";

    /// <param name="sharedCeiling">True: the workers agree the ceiling through storage (KindnessBot). False: the naive
    /// fleet, where each worker paces itself at the full ceiling on its own.</param>
    public static async Task<FanOutResult> RunAsync(string name, Azurite azurite, SimulatedTeamsConnector connector, int teams, int ceiling, bool sharedCeiling, TimeSpan limit)
    {
        connector.Reset();
        var storage = new ReflectionStorage(azurite.Account(Azurite.NewTablePrefix()), promptQueues: 4);
        await storage.CreateAllAsync(CancellationToken.None);
        // Due half an hour ago by the real clock, which the schedulers and the workers both run on: whatever today's date.
        var due = TimeProvider.System.GetUtcNow().AddMinutes(-30);
        await SaveSchedulesAsync(storage, teams, due);

        var options = new ReflectionOptions
        {
            AppCeilingPerSecond = ceiling,
            BaseBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(30),
            VisibilityTimeout = TimeSpan.FromSeconds(30),
            SendLease = TimeSpan.FromSeconds(30),
            IdlePoll = TimeSpan.FromMilliseconds(100),
            WorkerConcurrency = 64,

            // Azurite's queue service scans every message on receive and delete, so 10,000 queued messages slow it
            // to a crawl (Azure's queues do not). The schedulers keep the queues under 1,000, sweeping every 10 s.
            MaxQueueDepth = 1_000,
        };

        using var stop = new CancellationTokenSource();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var workers = new List<(PromptWorker Worker, FleetSendPacer Pacer)>();
        for (var i = 0; i < 2; i++)
        {
            // The naive fleet gives each worker a cursor table of its own: each believes it has the whole ceiling.
            var pacing = sharedCeiling ? storage : new ReflectionStorage(azurite.Account(Azurite.NewTablePrefix()));
            if (!sharedCeiling)
            {
                await pacing.CreateAllAsync(CancellationToken.None);
            }

            var pacer = new FleetSendPacer(pacing, options, TimeProvider.System);
            workers.Add((new PromptWorker(storage, new SlotStore(storage), pacer, new ConversationPacer(storage), new HttpPromptSender(http, connector.ServiceUrl), options, TimeProvider.System, NullLogger<PromptWorker>.Instance, $"worker-{i}"), pacer));
        }

        // Two schedulers sweep every 10 s (claiming while the queues have room) while the two workers fan out.
        var running = workers.Select(w => Task.Run(() => w.Worker.RunAsync(stop.Token))).ToList();
        var enqueued = 0;
        running.AddRange(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            var scheduler = new ReflectionScheduler(new TableScheduleStore(storage), new SlotStore(storage), storage, options, TimeProvider.System, NullLogger<ReflectionScheduler>.Instance, "scheduler-" + i);
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Add(ref enqueued, (await scheduler.SweepAsync(CancellationToken.None)).Enqueued);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(10), stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        })));

        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var depths = new List<string>();
        var lastDepth = TimeSpan.Zero;
        while (connector.Posts.Count < teams && clock.Elapsed < limit)
        {
            await Task.Delay(250);
            if (Environment.GetEnvironmentVariable("FANOUT_TRACE") == "1" && clock.Elapsed - lastDepth >= TimeSpan.FromSeconds(2))
            {
                lastDepth = clock.Elapsed;
                var depth = 0;
                foreach (var q in storage.PromptQueues)
                {
                    depth += (await q.GetPropertiesAsync()).Value.ApproximateMessagesCount;
                }

                depths.Add($"{clock.Elapsed.TotalSeconds:F0}s:{depth}/{connector.Requests}/{Volatile.Read(ref enqueued)}");
            }

            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(15))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"    {name}: {connector.Posts.Count:N0}/{teams:N0} teams reached after {clock.Elapsed.TotalSeconds:F0} s ({connector.Requests:N0} requests)");
            }
        }

        if (depths.Count > 0)
        {
            Console.WriteLine("    time:queue depth/requests/enqueued: " + string.Join(' ', depths));
        }

        var busy = connector.Busy;
        var perSecond = connector.RequestsPerSecond();
        Console.WriteLine("    requests per 10 s: " + string.Join(' ', perSecond.Chunk(10).Select(c => c.Sum())));
        await Task.Delay(TimeSpan.FromSeconds(3)); // anything still in flight, or a late duplicate, arrives now
        await stop.CancelAsync();
        await Task.WhenAll(running);
        var failed = (await new SlotStore(storage).ListAsync(Tenant, SlotState.Failed, CancellationToken.None)).Count;
        Console.WriteLine($"    {Volatile.Read(ref enqueued):N0} prompts enqueued by the two schedulers");
        return new FanOutResult(
            name, teams, busy.TotalSeconds, Median(perSecond), connector.Requests, connector.Posts.Count, connector.Duplicates, teams - connector.Posts.Count,
            connector.AppViolations, connector.ConversationViolations, connector.Injected429s, failed, workers.Sum(w => w.Pacer.Wasted),
            StalledSeconds: perSecond.SkipLast(5).Count(n => n == 0));
    }

    private static double Median(IReadOnlyList<int> values) =>
        values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);

    private static async Task SaveSchedulesAsync(ReflectionStorage storage, int teams, DateTimeOffset due)
    {
        var created = due.AddDays(-60);
        var store = new TableScheduleStore(storage);
        await Parallel.ForEachAsync(Enumerable.Range(0, teams), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var schedule = new ScheduleRequest(Tenant, $"19:team-{i:D5}@thread.tacv2", $"19:team-{i:D5}@thread.tacv2", due.DayOfWeek, due.Hour, due.Minute, "Etc/UTC", [Commitment.Reflective, Commitment.Listening], "29:leader").Validate(created).Schedule!;
            await store.SaveAsync(schedule, ct);
        });
    }
}
