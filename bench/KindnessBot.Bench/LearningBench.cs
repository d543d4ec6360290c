using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Recognition;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;

namespace KindnessBot.Bench;

/// <summary>
/// `how are we doing` for a team with a year of raw records (issue 15), against Azurite: time and storage requests per
/// 12-week dashboard read from the weekly aggregates, and, in the same run, the baseline of recomputing it from every
/// feature's raw rows (what the dashboard would cost without the aggregates). The aggregates are built first the way
/// "rebuild aggregates" builds them (every source replayed, then WeeklyAggregates.ReplaceAsync), and checked against
/// the recomputation and against what was seeded.
/// </summary>
internal static class LearningBench
{
    private const double FasterTarget = 20;
    private const double RequestsTarget = 20;
    private const int DashboardWeeks = 12;
    private const double StoryTargetMs = 2000;

    public static async Task<int> RunAsync(Azurite azurite, int records, int repeats, bool judgeTargets)
    {
        const string Tenant = LearningSeed.Tenant, Team = LearningSeed.Team;
        Console.WriteLine($"Learning benchmark: one team of {LearningSeed.People} people with {records} raw records over the last {LearningSeed.Weeks} weeks; a {DashboardWeeks}-week `how are we doing`, {repeats} times from the aggregates and {repeats} times recomputed from the raw rows.");
        var counting = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counting, HttpPipelinePosition.PerCall);
        var account = new StorageAccount(new TableServiceClient(azurite.ConnectionString, options), new QueueServiceClient(azurite.ConnectionString), Azurite.NewTablePrefix());
        await account.CreateAsync([.. KindnessBot.Core.Listening.ListeningStorage.Declared, .. RecognitionStorage.Declared, .. PermissionStorage.Declared, .. ReflectionStorage.Declared, .. BlockerStorage.Declared, .. ConversationStorage.Declared, .. LearningStorage.Declared], default);
        var keys = PrivacyKeys.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var conversations = new TableConversationStore(account);
        await conversations.SaveAsync(new ConversationRecord { TenantId = Tenant, ConversationId = Team, TeamId = Team, TeamName = "Bench team", Kind = ConversationKind.Channel, ServiceUrl = "http://127.0.0.1:9/", ChannelId = "msteams", BotId = "28:bot" }, default);
        var now = TimeProvider.System.GetUtcNow();

        counting.Clear();
        var seeding = Stopwatch.StartNew();
        var seed = new LearningSeed(account, keys, new AnswerKey(RandomNumberGenerator.GetBytes(AnswerKey.MinimumSecretBytes)), now);
        await seed.WriteAsync(records);
        Console.WriteLine($"Seeded {records} raw records ({seed.Rows} rows with the blockers' index and reporters' list rows) in {seeding.Elapsed.TotalSeconds:F1}s ({counting.Requests.Count} storage requests, batches of up to 100 rows).");

        IMeasureSource[] sources =
        [
            new RecognitionMeasureSource(account, conversations), new PermissionMeasureSource(account),
            new ReflectionMeasureSource(new ReflectionStorage(account)), new BlockerMeasureSource(new BlockerStorage(account), keys),
        ];
        var aggregates = new WeeklyAggregates(account.Table(LearningStorage.TableName), keys.Tags);

        // Built as "rebuild aggregates" builds them: the year's measures of the team, then the team's weeks replaced.
        var to = IsoWeeks.Monday(IsoWeeks.Of(now)).AddDays(6);
        var from = to.AddDays(1 - (7 * LearningSeed.Weeks));
        counting.Clear();
        var building = Stopwatch.StartNew();
        var measures = (await ReplayAsync(sources)).Where(m => m.TeamId == Team && DateOnly.FromDateTime(m.At.UtcDateTime) is var day && day >= from && day <= to).ToList();
        await aggregates.ReplaceAsync(Tenant, Team, measures, from, to, default);
        Console.WriteLine($"Aggregates built from {measures.Count} replayed measures in {building.Elapsed.TotalSeconds:F1}s ({counting.Requests.Count} storage requests).");

        var expected = AggregateCheck.Recompute(measures);
        var unseeded = Unseeded(seed.Expected, expected, Team);
        Console.WriteLine(unseeded.Count == 0 ? "Replayed: every source gave back what was seeded." : "REPLAY DIFFERS FROM WHAT WAS SEEDED:\n  " + string.Join("\n  ", unseeded));
        var differences = AggregateCheck.Differences(Team, await aggregates.WeeksAsync(Tenant, Team, from, to, default), expected);
        Console.WriteLine(differences.Count == 0
            ? $"Aggregates and recomputation: agreed ({expected.Count} weeks)."
            : $"AGGREGATES AND RECOMPUTATION DISAGREE ({differences.Count}):\n  " + string.Join("\n  ", differences.Take(20)));

        var period = DashboardPeriod.Ending(now, DashboardWeeks);
        TeamDashboard? kept = null, recomputed = null;
        var fromAggregates = await MeasureAsync(counting, repeats, async () =>
            kept = DashboardBuilder.Build(Team, period, await aggregates.WeeksAsync(Tenant, Team, period.Previous().From, period.To, default), LearningSeed.People));
        var (bareAggregates, bareRows) = await WeekRowsAloneAsync(account, keys.Tags);
        var weeksAlone = await MeasureAsync(counting, repeats, async () =>
            _ = DashboardBuilder.Build(Team, period, await bareAggregates.WeeksAsync(Tenant, Team, period.Previous().From, period.To, default), LearningSeed.People));
        var baseline = await MeasureAsync(counting, repeats, async () =>
        {
            var weeks = AggregateCheck.Recompute(await ReplayAsync(sources));
            recomputed = DashboardBuilder.Build(Team, period, [.. weeks.Where(w => w.Key.TeamId == Team).Select(w => w.Value)], LearningSeed.People);
        });

        // The year's story of change, as a leader opens it: the figures of 52 weeks beside the 52 before (from the
        // aggregates), what was shared in them, then the page and its CSV.
        var leader = new FixedLeaders("29:bench-lead");
        var learning = new LearningService(
            aggregates, leader, conversations,
            new KindnessBot.Core.People.PersonScopes(conversations, new NoRoster(), new KindnessBot.Core.People.TableMembershipStore(account), leader, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<KindnessBot.Core.People.PersonScopes>.Instance),
            [new RecognitionStories(new TableRecognitionStore(account)), new PermissionStories(new TablePermissionStore(account)), new BlockerStories(new BlockerStore(new BlockerStorage(account))), new KindnessBot.Core.Listening.StatementStories(new KindnessBot.Core.Listening.KindnessStatements(new KindnessBot.Core.Listening.ListeningStorage(account), keys, leader, TimeProvider.System))],
            TimeProvider.System);
        var teamRecord = (await conversations.FindAsync(Tenant, Team, default))!;
        var culture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        var pageBytes = 0;
        var story = await MeasureAsync(counting, Math.Max(1, repeats / 4), async () =>
        {
            var (told, _) = await learning.StoryAsync(teamRecord, new KindnessBot.Core.People.Person("29:bench-lead", null, "Lee", Tenant), 52, default);
            pageBytes = KindnessBot.Bot.Learning.StoryPage.Write(told!, culture).Length + KindnessBot.Bot.Learning.StoryCsv.Write(told!, culture).Length;
        });
        var same = JsonSerializer.Serialize(kept) == JsonSerializer.Serialize(recomputed);
        var shown = kept!.Section(Commitment.Understanding)!.Chart.Count(p => !p.Value.Withheld);
        Console.WriteLine($"Both make the same dashboard: {(same ? "yes" : "NO")}. Its recognitions pass the five-person rule in {shown} of its {DashboardWeeks} weeks.");

        Console.WriteLine();
        Console.WriteLine("| answer | storage requests | median ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, r) in new[] { ($"from the aggregates: {DashboardWeeks}-week dashboard ({2 * DashboardWeeks} week rows read)", fromAggregates), ($"the same, from a table of the {bareRows} week rows alone (no markers: Azurite's scan apart)", weeksAlone), ("baseline: full recomputation from the raw rows", baseline), ($"the year's story of change (52 weeks beside 52, what was shared, the page and its CSV: {pageBytes / 1024} KB)", story) })
        {
            Console.WriteLine($"| {name} | {r.Requests:F1} | {r.Median:F1} | {r.P95:F1} |");
        }

        Console.WriteLine();
        var ratio = baseline.Median / Math.Max(0.01, fromAggregates.Median);
        var met = ratio >= FasterTarget && fromAggregates.Requests <= RequestsTarget && story.Median <= StoryTargetMs;
        var correct = unseeded.Count == 0 && differences.Count == 0 && same;
        Console.WriteLine($"The aggregates answer {ratio:F0}x faster than the recomputation (target >= {FasterTarget:F0}x), storage requests per dashboard {fromAggregates.Requests:F0} against {baseline.Requests:F0} (target <= {RequestsTarget:F0}), the year's story in {story.Median:F0} ms (target <= {StoryTargetMs:F0}): "
            + (!correct ? "WRONG ANSWERS (see above)" : !judgeTargets ? "smoke run, figures not judged" : met ? "targets met" : "TARGETS MISSED"));
        return !correct || (judgeTargets && !met) ? 1 : 0;
    }

    /// <summary>
    /// A copy of the team's week rows in a table of their own. Azurite runs a query's filter over every row of the table
    /// (Azure reads the one key range alone), so the dashboard's read slows as the markers beside the week rows grow; the
    /// same read from this copy shows that part of its time apart.
    /// </summary>
    private static async Task<(WeeklyAggregates Aggregates, int Rows)> WeekRowsAloneAsync(StorageAccount account, PersonKey tags)
    {
        var bare = account.Table(LearningStorage.TableName + "Weeks");
        await bare.CreateIfNotExistsAsync();
        var partition = AggregateKeys.Partition(LearningSeed.Tenant, LearningSeed.Team);
        var rows = new List<TableTransactionAction>();
        await foreach (var row in account.Table(LearningStorage.TableName).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"w|"} and RowKey lt {"w}"}")))
        {
            rows.Add(new(TableTransactionActionType.Add, row));
        }

        foreach (var batch in rows.Chunk(100))
        {
            await bare.SubmitTransactionAsync(batch);
        }

        return (new WeeklyAggregates(bare, tags), rows.Count);
    }

    /// <summary>Every source's measures for the tenant, as "rebuild aggregates" reads them.</summary>
    private static async Task<List<Measure>> ReplayAsync(IEnumerable<IMeasureSource> sources)
    {
        var measures = new List<Measure>();
        foreach (var source in sources)
        {
            await foreach (var measure in source.ReplayAsync(LearningSeed.Tenant, default))
            {
                measures.Add(measure);
            }
        }

        return measures;
    }

    /// <summary>Each metric whose year total, as the replayed measures make it, is not what the seeded rows should make.</summary>
    private static List<string> Unseeded(Dictionary<string, long> seeded, IReadOnlyDictionary<(string TeamId, string Week), WeekCounts> replayed, string team)
    {
        var totals = replayed.Where(w => w.Key.TeamId == team).SelectMany(w => w.Value.Counts).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);
        return [.. seeded.Keys.Union(totals.Keys).Order(StringComparer.Ordinal)
            .Where(m => seeded.GetValueOrDefault(m) != totals.GetValueOrDefault(m))
            .Select(m => $"{m}: seeded {seeded.GetValueOrDefault(m)}, replayed {totals.GetValueOrDefault(m)}")];
    }

    private static async Task<(double Requests, double Median, double P95)> MeasureAsync(CountingPolicy counting, int repeats, Func<Task> answer)
    {
        await answer(); // warm
        var times = new List<double>();
        counting.Clear();
        for (var i = 0; i < repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await answer();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return ((double)counting.Requests.Count / repeats, times[times.Count / 2], times[Math.Min(times.Count - 1, (int)(times.Count * 0.95))]);
    }
}
