using System.Diagnostics;
using System.Globalization;
using KindnessBot.Bench;
using KindnessBot.Testing;

// KindnessBot's help turn against two bare Bot Framework echo bots, in the same run, on this machine:
//   dotnet KindnessBot.Bench.dll [--seconds 5] [--warmup 1] [--rounds 3] [--concurrency 1,32]
// The echo bots are served by this same program: dotnet KindnessBot.Bench.dll serve-echo <port> [--tuned]
// "I've read this" under contention: dotnet KindnessBot.Bench.dll reads [--readers 500] [--concurrency 32]
// Triage and `blockers` for a team with thousands of blockers: dotnet KindnessBot.Bench.dll blockers [--blockers 5000] [--repeats 50]
// `how are we doing` from the Learning aggregates against a full recomputation from a year of raw rows: dotnet KindnessBot.Bench.dll learning [--records 50000] [--repeats 20]
// --smoke (any benchmark): a second or two, to show it still runs; its figures are printed, not judged.
var smoke = args.Contains("--smoke");
if (args.Length > 0 && args[0] == "serve-echo")
{
    await EchoBot.ServeAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args.Contains("--tuned"));
    return 0;
}

if (args.Length > 0 && args[0] == "reads")
{
    await using var readsAzurite = await Azurite.StartAsync();
    return await ReadsBench.RunAsync(readsAzurite, Option("--readers", smoke ? 20 : 500), Option("--concurrency", smoke ? 4 : 32));
}

if (args.Length > 0 && args[0] == "blockers")
{
    await using var blockersAzurite = await Azurite.StartAsync();
    var judged = await BlockersBench.RunAsync(blockersAzurite, Option("--blockers", smoke ? 200 : 5000), Option("--repeats", smoke ? 5 : 50));
    return smoke ? 0 : judged;
}

if (args.Length > 0 && args[0] == "learning")
{
    await using var learningAzurite = await Azurite.StartAsync();
    return await LearningBench.RunAsync(learningAzurite, Option("--records", smoke ? 500 : 50_000), Option("--repeats", smoke ? 3 : 20), judgeTargets: !smoke);
}

var seconds = Option("--seconds", smoke ? 1 : 5);
var warmUp = Option("--warmup", smoke ? 0 : 1);
var roundCount = Option("--rounds", smoke ? 1 : 3);
var concurrencies = (OptionText("--concurrency") ?? (smoke ? "4" : "1,32")).Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();

Console.WriteLine($"Help-turn benchmark: {roundCount} rounds of {seconds}s measured after {warmUp}s warm-up per bot, concurrency {string.Join(" and ", concurrencies)}, {Environment.ProcessorCount} cores.");
Console.WriteLine("Each bot runs in its own process (server GC) and replies to a fake Teams connector on loopback.");
await using var azurite = await Azurite.StartAsync();
await using var connector = await FakeConnector.StartAsync(record: false);
var activities = new TeamsActivities(connector.ServiceUrl);

// Each sender is one person in their own personal chat, as in real traffic.
string Message(string text, int worker) => activities.PersonalMessage(text, $"29:bench-{worker}").ToString(Newtonsoft.Json.Formatting.None);

// A recognition submit from one member of a 200-person team to the next, each from a fresh card.
var members = Enumerable.Range(0, 200).Select(i => ($"29:bench-member-{i}", $"Member {i}")).ToArray();
string Recognise(long sequence)
{
    var giver = members[sequence % members.Length];
    var value = new Newtonsoft.Json.Linq.JObject
    {
        ["verb"] = "recognition-give",
        ["cardId"] = Guid.NewGuid().ToString("N"),
        ["recipient"] = members[(sequence + 1) % members.Length].Item1,
        ["what"] = "Stayed late to help a family who were lost, and made them a cup of tea.",
        ["commitments"] = "Listening,Reflective",
        ["hopeToShare"] = "true",
        ["celebrateIn"] = TeamsActivities.TeamId,
    };
    var activity = activities.PersonalSubmit(value, giver.Item1);
    activity["from"]!["name"] = giver.Item2;
    return activity.ToString(Newtonsoft.Json.Formatting.None);
}

var bots = new (string Name, Func<int, long, string> Turn, Func<int, ProcessStartInfo> Start)[]
{
    ("echo (SDK default)", (w, _) => Message("hello", w), port => Echo(port, tuned: false)),
    ("echo (tuned)", (w, _) => Message("hello", w), port => Echo(port, tuned: true)),
    ("KindnessBot help", (w, _) => Message("help", w), KindnessBotHost),
    ("KindnessBot recognise", (_, n) => Recognise(n), KindnessBotHost),
};

// All three run side by side and are measured in turn, round after round, so a slow moment of the machine
// falls on every bot alike; each figure is the median of the rounds.
var running = new List<(string Name, Func<int, long, string> Turn, Process Process, Uri Endpoint)>();
var rounds = new Dictionary<(string Bot, int Concurrency), List<LoadResult>>();
try
{
    foreach (var (name, turn, start) in bots)
    {
        var port = Loopback.FreePort();
        var process = Process.Start(start(port)) ?? throw new InvalidOperationException("Could not start " + name);
        var endpoint = new Uri($"http://127.0.0.1:{port}/api/messages");
        running.Add((name, turn, process, endpoint));
        await WaitUntilUpAsync(new Uri($"http://127.0.0.1:{port}/healthz"), name, process);
        if (name == "KindnessBot recognise")
        {
            await PrepareTeamAsync(endpoint);
        }
    }

    for (var round = 1; round <= roundCount; round++)
    {
        foreach (var concurrency in concurrencies)
        {
            foreach (var (name, turn, process, endpoint) in running)
            {
                var result = await LoadRun.RunAsync(name, endpoint, turn, concurrency, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds), process.Id);
                (rounds.TryGetValue((name, concurrency), out var list) ? list : rounds[(name, concurrency)] = []).Add(result);
                Console.WriteLine($"  round {round}  {name,-20} c={concurrency,-3} {result.TurnsPerSecond,8:F0} turns/s  p50 {result.P50Ms,7:F1} ms  p99 {result.P99Ms,7:F1} ms  CPU {result.CpuMsPerTurn,5:F2} ms/turn  failures {result.Failures}");
            }
        }
    }
}
finally
{
    foreach (var (_, _, process, _) in running)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}

var results = rounds.Select(pair => Median(pair.Value)).ToList();

Console.WriteLine();
Console.WriteLine("| bot | concurrency | turns/s | p50 ms | p99 ms | bot CPU ms/turn | peak RSS MB | failures |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine($"| {r.Bot} | {r.Concurrency} | {r.TurnsPerSecond:F0} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.CpuMsPerTurn:F2} | {r.RssMb} | {r.Failures} |");
}

Console.WriteLine();
var allMet = true;
foreach (var concurrency in concurrencies)
{
    var kind = results.Single(r => r.Bot == "KindnessBot help" && r.Concurrency == concurrency);
    var baseline = results.Single(r => r.Bot == "echo (SDK default)" && r.Concurrency == concurrency);
    var tuned = results.Single(r => r.Bot == "echo (tuned)" && r.Concurrency == concurrency);
    var vsDefault = kind.TurnsPerSecond / baseline.TurnsPerSecond;
    var vsTuned = kind.TurnsPerSecond / tuned.TurnsPerSecond;
    var p99Ratio = kind.P99Ms / tuned.P99Ms;
    var met = vsDefault >= 10 && vsTuned >= 0.7 && p99Ratio <= 1.5 && kind.Failures == 0;
    allMet &= met;
    Console.WriteLine($"c={concurrency}: KindnessBot throughput {vsDefault:F1}x the default echo bot (target >= 10x), {vsTuned:P0} of the tuned echo bot (target >= 70%), p99 {p99Ratio:F2}x the tuned echo bot's (target <= 1.5x): {(met ? "targets met" : "TARGETS MISSED")}");
}

foreach (var concurrency in concurrencies)
{
    var help = results.Single(r => r.Bot == "KindnessBot help" && r.Concurrency == concurrency);
    var recognise = results.Single(r => r.Bot == "KindnessBot recognise" && r.Concurrency == concurrency);
    Console.WriteLine($"c={concurrency}: a recognition submit (3 storage transactions, a consent card to the recipient) runs at {recognise.TurnsPerSecond / help.TurnsPerSecond:P0} of a help turn's rate, p99 {recognise.P99Ms / help.P99Ms:F1}x; failures {recognise.Failures}");
}

if (smoke)
{
    // Not judged, but it must have run: every bot answered turns, and none failed.
    var ran = results.All(r => r.Turns > 0 && r.Failures == 0);
    Console.WriteLine(ran ? "Smoke run: every bot answered, no failures (figures not judged)." : "Smoke run: A BOT ANSWERED NOTHING OR FAILED TURNS.");
    return ran ? 0 : 1;
}

return allMet ? 0 : 1;

// The recognition bot needs a team to recognise in: installed in a team of 200, each member with a personal chat.
async Task PrepareTeamAsync(Uri endpoint)
{
    connector.SetMembers(TeamsActivities.TeamId, activities.TenantId, members);
    using var client = new HttpClient();
    async Task Post(Newtonsoft.Json.Linq.JObject activity) =>
        (await client.PostAsync(endpoint, new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    await Post(activities.BotAddedToTeam(members[0].Item1));
    foreach (var (id, _) in members)
    {
        await Post(activities.BotAddedToPersonal(id));
    }
}

ProcessStartInfo Echo(int port, bool tuned)
{
    var info = new ProcessStartInfo("dotnet", [typeof(EchoBot).Assembly.Location, "serve-echo", port.ToString(CultureInfo.InvariantCulture), tuned ? "--tuned" : "--default"]);
    info.Environment["DOTNET_gcServer"] = "1";
    return Quiet(info);
}

ProcessStartInfo KindnessBotHost(int port)
{
    var bin = Path.Combine(RepoPaths.Root, "src", "KindnessBot.Bot", "bin", "Release", "net10.0");
    var info = new ProcessStartInfo("dotnet", [Path.Combine(bin, "KindnessBot.Bot.dll"), "--urls", $"http://127.0.0.1:{port}"]) { WorkingDirectory = bin };
    info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    info.Environment["Storage__ConnectionString"] = azurite.ConnectionString;
    info.Environment["Storage__TablePrefix"] = Azurite.NewTablePrefix();
    info.Environment["Recognition__DailyLimit"] = "1000";
    info.Environment["Reflection__AnswerSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    info.Environment["Reflection__Background"] = "false"; // no weekly prompts during a help-turn benchmark
    info.Environment["Logging__LogLevel__Default"] = "Warning";
    info.Environment["DOTNET_gcServer"] = "1";
    return Quiet(info);
}

static LoadResult Median(List<LoadResult> runs)
{
    double Mid(Func<LoadResult, double> figure) => runs.Select(figure).Order().ElementAt(runs.Count / 2);
    return runs[0] with
    {
        Turns = runs.Sum(r => r.Turns),
        Failures = runs.Sum(r => r.Failures),
        TurnsPerSecond = Mid(r => r.TurnsPerSecond),
        P50Ms = Mid(r => r.P50Ms),
        P99Ms = Mid(r => r.P99Ms),
        CpuMsPerTurn = Mid(r => r.CpuMsPerTurn),
        RssMb = runs.Max(r => r.RssMb),
    };
}

static ProcessStartInfo Quiet(ProcessStartInfo info)
{
    info.RedirectStandardOutput = false;
    info.UseShellExecute = false;
    return info;
}

static async Task WaitUntilUpAsync(Uri health, string name, Process process)
{
    using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    for (var i = 0; i < 120; i++)
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{name} stopped before it was up (exit code {process.ExitCode}); its output is above.");
        }

        try
        {
            if ((await client.GetAsync(health)).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(250);
    }

    throw new InvalidOperationException($"{name} did not answer {health} within 30 seconds.");
}


int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
