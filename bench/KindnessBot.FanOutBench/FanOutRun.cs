using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KindnessBot.FanOutBench;

/// <summary>How many conversations get each kind of message, and whether some people's quiet hours end during the run.</summary>
internal sealed record FanOutMix(int Prompts, int Celebrations, int Reminders, int Summaries, bool QuietEndsInRun)
{
    public int Conversations => Prompts + Celebrations + Reminders + Summaries;

    /// <summary>70% weekly prompts to the big tenant's teams (a wave), 10% celebrations to channels, 10% reminders and 10% summaries to people.</summary>
    public static FanOutMix Of(int conversations, bool quietEndsInRun)
    {
        var singles = conversations / 10;
        return new FanOutMix(conversations - (3 * singles), singles, singles, singles, quietEndsInRun);
    }
}

/// <summary>A small tenant's single message and 3-team wave, enqueued during the big tenant's wave: delays from enqueue to delivery.</summary>
internal sealed record SmallTenant(string Name, string TenantId, int Shard, bool SharesBigShard, TimeSpan? Single, TimeSpan? WaveFirst, TimeSpan? WaveLast);

internal sealed record FanOutResult(
    string Name, FanOutMix Mix, int Expected, double Seconds, double MedianSecond, long Requests, int Posted, int Duplicates, int Losses,
    long AppViolations, long ConversationViolations, long Injected429s, long QuietHourDeliveries, int HeldForQuietHours, int HeldDelivered,
    long TableRequests, long QueueRequests, IReadOnlyList<(string Name, int Count)> ByStore, long WastedSlots, int StalledSeconds,
    IReadOnlyList<SmallTenant> SmallTenants, TimeSpan? SingleDelayMedian, TimeSpan? SingleDelayP99, TimeSpan? QuietEndedDelayMin, long CutOff, IReadOnlyList<string> Repeats)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>The rate over the seconds in which storage answered: Azurite's queue service stops everything for several seconds every minute (QueueGCManager, a 60 s mark-and-sweep of message extents); Azure's queues do not.</summary>
    public double RequestsPerAnsweringSecond => Requests / Math.Max(1, Seconds - StalledSeconds);

    public double DeliveredPerSecond => Posted / Seconds;

    public long Violations => AppViolations + ConversationViolations;

    public double TransactionsPerDelivered => Posted == 0 ? 0 : (TableRequests + QueueRequests) / (double)Posted;
}

/// <summary>
/// One mixed fan-out through the delivery path: the big tenant's weekly prompts as a wave (two ReflectionSchedulers
/// hand them to the outbox), celebrations to channels and reminders and summaries to people (nudges) recorded directly
/// on the outbox while the wave runs, a small tenant's message and 3-team wave in the middle of it; two
/// DeliveryWorkers sharing only Azurite post to one simulated connector.
/// </summary>
internal static class FanOutRun
{
    private const string BigTenant = "bench-tenant";
    private const string Celebration = "bench.celebration";
    private const string Reminder = "bench.reminder";
    private const string Summary = "bench.summary";
    private const string SmallPrompt = "bench.prompt";

    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles"];

    /// <param name="sharedCeiling">True: the workers agree the ceiling through storage (KindnessBot). False: the naive
    /// fleet, where each worker paces itself at the full ceiling on its own.</param>
    public static async Task<FanOutResult> RunAsync(string name, Azurite azurite, SimulatedTeamsConnector connector, FanOutMix mix, int ceiling, bool sharedCeiling, TimeSpan limit)
    {
        connector.Reset();
        var tableCount = new CountingPolicy();
        var queueCount = new CountingPolicy();
        var prefix = Azurite.NewTablePrefix();
        var account = CountedAccount(azurite, prefix, tableCount, queueCount);
        var options = new DeliveryOptions
        {
            AppCeilingPerSecond = ceiling,
            BaseBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(30),
            VisibilityTimeout = TimeSpan.FromSeconds(30),
            SendLease = TimeSpan.FromSeconds(30),
            IdlePoll = TimeSpan.FromMilliseconds(100),
            MaxIdlePoll = TimeSpan.FromMilliseconds(100), // as before: the bench measures throughput, not idle cost
            WorkerConcurrency = 64,
            QuietHours = true,

            // Unlimited nudges a day: each person here gets one anyway, and the run measures throughput.
            NudgesPerDay = 0,
        };
        var reflectionOptions = new ReflectionOptions
        {
            // Azurite's queue service scans every message on receive and delete, so 10,000 queued messages slow it
            // to a crawl (Azure's queues do not). The schedulers keep the wave queues under 1,000, sweeping every 10 s.
            MaxQueueDepth = 1_000,
        };
        var storage = new DeliveryStorage(account, options.WaveShards);
        var reflection = new ReflectionStorage(account);
        await storage.CreateAllAsync(CancellationToken.None);
        await reflection.CreateAllAsync(CancellationToken.None);
        await account.CreateAsync(ConversationStorage.Declared, CancellationToken.None);
        var conversations = new TableConversationStore(account);
        var settingsStore = new NudgeSettingsStore(storage);
        var quiet = new QuietHours(options);
        var started = DateTimeOffset.UtcNow;

        // Due half an hour ago by the real clock, which the schedulers and the workers both run on: whatever today's date.
        var due = started.AddMinutes(-30);
        await SaveSchedulesAsync(reflection, conversations, mix.Prompts, due, connector.ServiceUrl);
        var (singles, settings, heldPeople, quietEnding) = await SaveSinglesAsync(conversations, settingsStore, mix, started, connector.ServiceUrl);
        var smalls = PickSmallTenants(storage);
        foreach (var small in smalls)
        {
            for (var t = 0; t < 4; t++)
            {
                await conversations.SaveAsync(Channel(small.TenantId, SmallConversation(small.TenantId, t), connector.ServiceUrl), CancellationToken.None);
            }
        }

        // Everything that should be posted during the run, by conversation (each gets exactly one message).
        var expected = new HashSet<string>(StringComparer.Ordinal);
        expected.UnionWith(Enumerable.Range(0, mix.Prompts).Select(TeamConversation));
        expected.UnionWith(singles.Where(s => !heldPeople.Contains(s.To.Id)).Select(s => ConversationOf(s)));
        expected.UnionWith(smalls.SelectMany(s => Enumerable.Range(0, 4).Select(t => SmallConversation(s.TenantId, t))));
        var held = singles.Where(s => heldPeople.Contains(s.To.Id)).Select(s => ConversationOf(s)).ToHashSet(StringComparer.Ordinal);

        using var stop = new CancellationTokenSource();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var sender = new HttpDeliverySender(http, connector.ServiceUrl, quiet, settings) { Traced = Environment.GetEnvironmentVariable("FANOUT_TRACE") == "1" ? BigTenant : null };
        var slots = new SlotStore(reflection);
        var pacers = new List<FleetSendPacer>();
        var signals = new List<DeliverySignal>();
        var running = new List<Task>();
        for (var i = 0; i < 2; i++)
        {
            // The naive fleet gives each worker a cursor table of its own: each believes it has the whole ceiling.
            var pacing = storage;
            if (!sharedCeiling)
            {
                pacing = new DeliveryStorage(azurite.Account(Azurite.NewTablePrefix()));
                await pacing.CreateAllAsync(CancellationToken.None);
            }

            var pacer = new FleetSendPacer(pacing, options, TimeProvider.System);
            var signal = new DeliverySignal();
            var outboxStore = new OutboxStore(storage);
            var worker = new DeliveryWorker(
                storage,
                outboxStore,
                new DeliveryRoute(conversations, new NoAppInstaller(), options, NullLogger<DeliveryRoute>.Instance),
                new NudgeGate(outboxStore, new NudgeSettingsStore(storage), quiet, options, TimeProvider.System),
                pacer,
                new ConversationPacer(storage),
                sender,
                new DeliveryReactions([new PromptDelivery(slots, TimeProvider.System)]),
                signal,
                options,
                TimeProvider.System,
                NullLogger<DeliveryWorker>.Instance,
                $"worker-{i}");
            pacers.Add(pacer);
            signals.Add(signal);
            running.Add(Task.Run(() => worker.RunAsync(stop.Token)));
        }

        // The features of two instances: each records on its own instance's outbox (which wakes that instance's worker).
        var outboxes = signals.Select(s => new DeliveryOutbox(storage, new OutboxStore(storage), s, TimeProvider.System, NullLogger<DeliveryOutbox>.Instance)).ToArray();

        // Storage requests from here on are the run's: setup (schedules, conversations, settings) is not counted.
        tableCount.Clear();
        queueCount.Clear();

        // Two schedulers sweep every 10 s (claiming while the wave queues have room) while the two workers fan out.
        var enqueued = 0;
        running.AddRange(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            var scheduler = new ReflectionScheduler(new TableScheduleStore(reflection), slots, storage, outboxes[i], reflectionOptions, TimeProvider.System, NullLogger<ReflectionScheduler>.Instance, "scheduler-" + i);
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Add(ref enqueued, (await scheduler.SweepAsync(CancellationToken.None)).Enqueued);
                await Pause(TimeSpan.FromSeconds(10), stop.Token);
            }
        })));

        // Single messages arrive through the run as people act: about 30% of the ceiling's worth a second, from both instances.
        var perTick = Math.Max(1, (int)(ceiling * 0.3));
        running.Add(Task.Run(async () =>
        {
            for (var next = 0; next < singles.Count && !stop.IsCancellationRequested; next += perTick)
            {
                var tick = Stopwatch.StartNew();
                await Parallel.ForEachAsync(singles.Skip(next).Take(perTick).Select((r, i) => (r, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (x, _) =>
                    await outboxes[(next + x.i) % 2].EnqueueAsync(x.r, CancellationToken.None));
                await Pause(TimeSpan.FromSeconds(1) - tick.Elapsed, stop.Token);
            }
        }));

        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var smallAt = Math.Max(1, mix.Prompts / 5);
        var smallRequests = new List<(SmallTenant Tenant, DeliveryRequest Single, DeliveryRequest[] Wave)>();
        while (expected.Count(connector.Posts.ContainsKey) < expected.Count && clock.Elapsed < limit)
        {
            await Task.Delay(100);

            // During the big tenant's wave (a fifth of its teams reached): the small tenants' message and wave.
            if (smallRequests.Count == 0 && Enumerable.Range(0, mix.Prompts).Count(t => connector.Posts.ContainsKey(TeamConversation(t))) >= smallAt)
            {
                foreach (var small in smalls)
                {
                    var single = new DeliveryRequest(small.TenantId, "celebrate|small", Celebration, Recipient.Conversation(SmallConversation(small.TenantId, 3)), "{}");
                    var wave = Enumerable.Range(0, 3).Select(t => new DeliveryRequest(small.TenantId, $"prompt|small-{t}", SmallPrompt, Recipient.Conversation(SmallConversation(small.TenantId, t)), "{}") { Wave = true }).ToArray();
                    smallRequests.Add((small, single, wave));
                    await outboxes[0].EnqueueAsync(single, CancellationToken.None);
                    foreach (var w in wave)
                    {
                        await outboxes[1].EnqueueAsync(w, CancellationToken.None);
                    }
                }

                Console.WriteLine($"    {name}: small tenants' message and 3-team wave enqueued after {clock.Elapsed.TotalSeconds:F0} s, {smallAt:N0} of the big wave's prompts posted");
            }

            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(15))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"    {name}: {expected.Count(connector.Posts.ContainsKey):N0}/{expected.Count:N0} conversations reached after {clock.Elapsed.TotalSeconds:F0} s ({connector.Requests:N0} requests, {Volatile.Read(ref enqueued):N0} prompts enqueued)");
            }
        }

        var busy = connector.Busy;
        var perSecond = connector.RequestsPerSecond();
        Console.WriteLine("    requests per 10 s: " + string.Join(' ', perSecond.Chunk(10).Select(c => c.Sum())));
        await Task.Delay(TimeSpan.FromSeconds(3)); // anything still in flight, or a late duplicate, arrives now
        var tables = tableCount.Requests;
        var queues = queueCount.Requests;
        await stop.CancelAsync();
        await Task.WhenAll(running);
        foreach (var s in signals)
        {
            s.Dispose();
        }

        foreach (var line in sender.Trace)
        {
            Console.WriteLine("    trace: " + line);
        }

        Console.WriteLine($"    {Volatile.Read(ref enqueued):N0} prompts enqueued by the two schedulers, {singles.Count:N0} single messages by the features");
        TimeSpan? Delay(DeliveryRequest r) => sender.Delivered.TryGetValue((r.TenantId, r.Key), out var d) ? d : null;
        var smallResults = smallRequests.Select(s =>
        {
            var wave = s.Wave.Select(Delay).ToList();
            return s.Tenant with { Single = Delay(s.Single), WaveFirst = wave.Min(), WaveLast = wave.Any(w => w is null) ? null : wave.Max() };
        }).ToList();
        var singleDelays = singles.Where(s => !heldPeople.Contains(s.To.Id) && !quietEnding.Contains(s.To.Id)).Select(Delay).OfType<TimeSpan>().Order().ToList();
        var quietEnded = singles.Where(s => quietEnding.Contains(s.To.Id)).Select(Delay).OfType<TimeSpan>().ToList();
        var byStore = tables.Concat(queues).GroupBy(r => StoreOf(r, prefix)).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ToList();
        return new FanOutResult(
            name, mix, expected.Count, busy.TotalSeconds, Median(perSecond), connector.Requests, connector.Posts.Values.Sum(), connector.Duplicates,
            expected.Count(c => !connector.Posts.ContainsKey(c)), connector.AppViolations, connector.ConversationViolations, connector.Injected429s,
            sender.QuietHourDeliveries, held.Count, held.Count(connector.Posts.ContainsKey), tables.Count, queues.Count, byStore, pacers.Sum(p => p.Wasted),
            StalledSeconds: perSecond.SkipLast(5).Count(n => n == 0), smallResults,
            singleDelays.Count == 0 ? null : singleDelays[singleDelays.Count / 2], singleDelays.Count == 0 ? null : singleDelays[(int)Math.Ceiling(0.99 * singleDelays.Count) - 1],
            quietEnded.Count == 0 ? null : quietEnded.Min(), sender.CutOff, [.. sender.Repeats]);
    }

    private static async Task Pause(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The storage account on Azurite, every request of its table and queue clients counted (retries included).</summary>
    private static StorageAccount CountedAccount(Azurite azurite, string prefix, CountingPolicy tables, CountingPolicy queues)
    {
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(tables, HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions();
        queueOptions.AddPolicy(queues, HttpPipelinePosition.PerRetry);
        return new StorageAccount(new TableServiceClient(azurite.ConnectionString, tableOptions), new QueueServiceClient(azurite.ConnectionString, queueOptions), prefix);
    }

    /// <summary>Which table or queue a counted request went to ("Deliveries", "deliveries-wave-3"), without the run's prefix.</summary>
    private static string StoreOf(string request, string prefix)
    {
        // "GET /devstoreaccount1/tabc123Deliveries(PartitionKey=...)", "POST /devstoreaccount1/$batch POST http://.../tabc123Deliveries"
        var parts = request.Split(' ');
        var path = parts[1].EndsWith("$batch", StringComparison.Ordinal) && parts.Length > 3 ? new Uri(parts[3]).AbsolutePath : parts[1];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var store = segments.Length > 1 ? segments[1] : path;
        store = store.Split('(')[0];
        if (store.StartsWith(prefix + "-", StringComparison.OrdinalIgnoreCase))
        {
            return "queue " + store[(prefix.Length + 1)..];
        }

        return store.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? "table " + store[prefix.Length..] : store;
    }

    private static double Median(IReadOnlyList<int> values) =>
        values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);

    private static string TeamConversation(int i) => $"19:team-{i:D5}@thread.tacv2";

    private static string SmallConversation(string tenant, int i) => $"19:{tenant}-team-{i}@thread.tacv2";

    private static string ConversationOf(DeliveryRequest request) => request.To.Kind == RecipientKind.Person ? "a:chat-" + request.To.Id : request.To.Id;

    private static ConversationRecord Channel(string tenant, string id, Uri serviceUrl) =>
        new() { TenantId = tenant, ConversationId = id, Kind = ConversationKind.Channel, ServiceUrl = serviceUrl.ToString(), ChannelId = "msteams", BotId = "28:bot", TeamId = id, TeamName = "Team " + id };

    /// <summary>
    /// Two small tenants: one whose wave shard differs from the big tenant's (the usual case with 8 shards), and one that
    /// hashes to the big tenant's shard (one small tenant in eight), whose wave waits behind the big one.
    /// </summary>
    private static List<SmallTenant> PickSmallTenants(DeliveryStorage storage)
    {
        var big = storage.WaveQueueFor(BigTenant);
        var candidates = Enumerable.Range(1, 1_000).Select(i => "small-tenant-" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var own = candidates.First(c => storage.WaveQueueFor(c) != big);
        var shared = candidates.First(c => storage.WaveQueueFor(c) == big);
        int Shard(string t) => storage.Waves.ToList().IndexOf(storage.WaveQueueFor(t));
        return
        [
            new SmallTenant("small tenant, own wave shard", own, Shard(own), false, null, null, null),
            new SmallTenant("small tenant on the big one's shard", shared, Shard(shared), true, null, null, null),
        ];
    }

    private static async Task SaveSchedulesAsync(ReflectionStorage storage, TableConversationStore conversations, int teams, DateTimeOffset due, Uri serviceUrl)
    {
        var created = due.AddDays(-60);
        var store = new TableScheduleStore(storage);
        await Parallel.ForEachAsync(Enumerable.Range(0, teams), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var team = TeamConversation(i);
            var schedule = new ScheduleRequest(BigTenant, team, team, due.DayOfWeek, due.Hour, due.Minute, "Etc/UTC", [Commitment.Reflective, Commitment.Listening], "29:leader").Validate(created).Schedule!;
            await store.SaveAsync(schedule, ct);
            await conversations.SaveAsync(Channel(BigTenant, team, serviceUrl), ct);
        });
    }

    /// <summary>
    /// The big tenant's single messages (shuffled: celebrations to channels, reminders and summaries to people), each
    /// person with a personal chat and settings in one of five time zones: most awake now; one in twenty in quiet hours
    /// for the whole run (their nudge is held, never posted); with <see cref="FanOutMix.QuietEndsInRun"/>, one in twenty
    /// whose quiet hours end about three minutes in (posted after that, not before).
    /// </summary>
    private static async Task<(List<DeliveryRequest> Singles, Dictionary<(string, string), NudgeSettings> Settings, HashSet<string> Held, HashSet<string> QuietEnding)> SaveSinglesAsync(
        TableConversationStore conversations, NudgeSettingsStore settingsStore, FanOutMix mix, DateTimeOffset now, Uri serviceUrl)
    {
        var singles = new List<DeliveryRequest>();
        for (var i = 0; i < mix.Celebrations; i++)
        {
            singles.Add(new DeliveryRequest(BigTenant, $"celebrate|{i}", Celebration, Recipient.Conversation($"19:celebrate-{i:D5}@thread.tacv2"), "{}"));
        }

        var people = mix.Reminders + mix.Summaries;
        for (var i = 0; i < people; i++)
        {
            var (kind, key) = i < mix.Reminders ? (Reminder, $"reminder|{i}") : (Summary, $"summary|{i}");
            singles.Add(new DeliveryRequest(BigTenant, key, kind, Recipient.Person(Person(i)), "{}") { Nudge = true });
        }

        var random = new Random(12);
        singles = [.. singles.OrderBy(_ => random.Next())];
        var settings = new System.Collections.Concurrent.ConcurrentDictionary<(string, string), NudgeSettings>();
        var held = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var quietEnding = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(Enumerable.Range(0, Math.Max(people, mix.Celebrations)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            if (i < mix.Celebrations)
            {
                await conversations.SaveAsync(Channel(BigTenant, $"19:celebrate-{i:D5}@thread.tacv2", serviceUrl), ct);
            }

            if (i >= people)
            {
                return;
            }

            var person = Person(i);
            var zone = Zones[i % Zones.Length];

            // The zone is the one the person's Teams client reported, kept on their chat's record (as the bot does).
            await conversations.SaveAsync(new ConversationRecord { TenantId = BigTenant, ConversationId = "a:chat-" + person, Kind = ConversationKind.Personal, ServiceUrl = serviceUrl.ToString(), ChannelId = "msteams", BotId = "28:bot", UserId = person, TimeZoneId = zone }, ct);
            var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
            local = new TimeOnly(local.Hour, local.Minute);
            var (from, until) = (i % 20) switch
            {
                0 => (local.AddHours(-1), local.AddHours(3)), // quiet all through the run
                1 when mix.QuietEndsInRun => (local.AddHours(-1), local.AddMinutes(3)), // quiet until about three minutes in
                _ => (local.AddHours(6), local.AddHours(7)), // awake
            };
            if (i % 20 == 0)
            {
                held[person] = true;
            }
            else if (i % 20 == 1 && mix.QuietEndsInRun)
            {
                quietEnding[person] = true;
            }

            settings[(BigTenant, person)] = await settingsStore.ChangeAsync(BigTenant, person, s => s with { TimeZoneId = zone, QuietFrom = from, QuietUntil = until, WeekendsQuiet = false }, ct);
        });
        return (singles, new Dictionary<(string, string), NudgeSettings>(settings), held.Keys.ToHashSet(StringComparer.Ordinal), quietEnding.Keys.ToHashSet(StringComparer.Ordinal));
    }

    private static string Person(int i) => $"29:person-{i:D5}";
}
