using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;

namespace KindnessBot.Bench;

/// <summary>
/// The triage card's read and `blockers` for a team with thousands of blockers (issue 14), against Azurite: time per
/// read and storage requests per read, through the product's own service. The baseline in the same run is the read a
/// store without the team index would make: every blocker of the tenant filtered by team (one partition, read whole).
/// </summary>
internal static class BlockersBench
{
    private const string Tenant = "bench-tenant";
    private const string Team = "19:bench-team@thread.tacv2";

    public static async Task<int> RunAsync(Azurite azurite, int blockers, int repeats)
    {
        Console.WriteLine($"Blockers benchmark: a team with {blockers} blockers (2 in 5 moved on: acknowledged, in progress, changed, not changing), {repeats} reads of each kind.");
        var counting = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counting, HttpPipelinePosition.PerCall);
        var account = new StorageAccount(new TableServiceClient(azurite.ConnectionString, options), new QueueServiceClient(azurite.ConnectionString), Azurite.NewTablePrefix());
        var storage = new BlockerStorage(account);
        await storage.CreateAllAsync(default);
        var keys = PrivacyKeys.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var leader = new Person("29:bench-lead", null, "Lee Lead", Tenant);
        var service = new BlockerService(new BlockerStore(storage), keys, new FixedLeaders(leader.TeamsId), TimeProvider.System);
        var scope = new ConversationRecord { TenantId = Tenant, ConversationId = Team, TeamId = Team, Kind = ConversationKind.Channel, ServiceUrl = "http://127.0.0.1:9/", ChannelId = "msteams", BotId = "28:bot" };

        var seeding = Stopwatch.StartNew();
        await SeedAsync(service, scope, leader, blockers);
        Console.WriteLine($"Seeded through the service in {seeding.Elapsed.TotalSeconds:F1}s ({counting.Requests.Count} storage requests).");

        var triage = await MeasureAsync(counting, repeats, async () => (await service.TriageAsync(scope, 20, null, default)).Items.Count);
        var list = await MeasureAsync(counting, repeats, async () => { var t = await service.TeamAsync(scope, 20, default); return t.Open.Count + t.RecentlyClosed.Count; });
        var scan = await MeasureAsync(counting, repeats, async () => await NaiveTeamReadAsync(storage, blockers));

        Console.WriteLine();
        Console.WriteLine("| read | storage requests | rows returned | median ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, r) in new[] { ("triage card (first 20 open, by step, newest first)", triage), ("`blockers` (20 open and 20 changed in 30 days)", list), ("baseline: the team's blockers read without the index", scan) })
        {
            Console.WriteLine($"| {name} | {r.Requests:F1} | {r.Rows} | {r.Median:F1} | {r.P95:F1} |");
        }

        Console.WriteLine($"The index reads {scan.Median / Math.Max(0.01, triage.Median):F0}x faster than the baseline for triage and {scan.Median / Math.Max(0.01, list.Median):F0}x for `blockers`, with {triage.Requests:F0} and {list.Requests:F0} requests against {scan.Requests:F0}.");
        return triage.Requests <= 2 && list.Requests <= 4 ? 0 : 1;
    }

    /// <summary>Reports through the service (anonymous, as most are), then moves two in five on, so every step has rows.</summary>
    private static async Task SeedAsync(BlockerService service, ConversationRecord scope, Person leader, int count)
    {
        var ids = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var reporter = new Person($"29:bench-member-{i % 300}", null, $"Member {i % 300}", Tenant);
            var report = new BlockerReport(Tenant, Team, reporter, $"The booking form asks for a reason every time ({i})", BlockerWhere.Process, BlockerAffected.PeopleWeServe, null, Named: i % 4 == 0);
            ids[i] = (await service.ReportAsync(report, ct)).Blocker!.Id;
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, count).Where(i => i % 5 >= 3), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var to = (i % 10) switch { 3 => BlockerStatus.Acknowledged, 4 => BlockerStatus.InProgress, 8 => BlockerStatus.Changed, _ => BlockerStatus.NotChanging };
            var note = to switch { BlockerStatus.Changed => "we did: the reason is asked once", BlockerStatus.NotChanging => "because: the regulator asks for it", _ => null };
            await service.MoveAsync(scope, leader, ids[i], to, note, ct);
        });
    }

    /// <summary>What a store without the team index would do: read the tenant's blockers partition filtered by team.</summary>
    private static async Task<int> NaiveTeamReadAsync(BlockerStorage storage, int expected)
    {
        var rows = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Compose(Tenant, "b")} and TeamId eq {Team}");
        await foreach (var _ in storage.Blockers.QueryAsync<TableEntity>(filter, select: ["RowKey", "Status"]))
        {
            rows++;
        }

        return rows >= expected ? rows : throw new InvalidOperationException($"The baseline read {rows} of {expected} blockers.");
    }

    private static async Task<(double Requests, int Rows, double Median, double P95)> MeasureAsync(CountingPolicy counting, int repeats, Func<Task<int>> read)
    {
        await read(); // warm
        var times = new List<double>();
        var rows = 0;
        counting.Clear();
        for (var i = 0; i < repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            rows = await read();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return ((double)counting.Requests.Count / repeats, rows, times[times.Count / 2], times[Math.Min(times.Count - 1, (int)(times.Count * 0.95))]);
    }
}
