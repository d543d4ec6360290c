using System.Globalization;
using KindnessBot.FanOutBench;
using KindnessBot.Testing;

// Reflection fan-out: prompts to N teams (one tenant) by two workers sharing only Azurite, against a simulated
// Teams connector that enforces Teams' limits and injects 10% 429s and latency.
//   dotnet KindnessBot.FanOutBench.dll [--teams 10000] [--ceiling 50] [--baseline-teams 1000]
//   --smoke: 60 teams, to show it still runs; its figures are printed, not judged, but every team must be reached once.
var smoke = args.Contains("--smoke");
var teams = Option("--teams", smoke ? 60 : 10_000);
var ceiling = Option("--ceiling", 50);
var baselineTeams = Option("--baseline-teams", Math.Min(smoke ? 30 : 500, teams));

Console.WriteLine($"Reflection fan-out: {teams:N0} teams, two workers sharing only Azurite, ceiling {ceiling}/s per app and tenant, {Environment.ProcessorCount} cores.");
Console.WriteLine("The simulated connector enforces 7/1 s, 8/2 s, 60/30 s per conversation and the ceiling over any 1 s, injects 10% 429s (Retry-After: 1) and 5-40 ms latency.");
await using var azurite = await Azurite.StartAsync();
await using var connector = await SimulatedTeamsConnector.StartAsync(ceiling);

// Bounded: at the ceiling, N teams need N / (0.9 x ceiling) seconds; give twice that, plus a minute.
TimeSpan Limit(int n) => TimeSpan.FromSeconds(2.0 * n / (0.9 * ceiling) + 60);

Console.WriteLine($"  baseline: naive fleet (each worker paces itself at the ceiling), {baselineTeams:N0} teams");
var baseline = await FanOutRun.RunAsync("naive fleet", azurite, connector, baselineTeams, ceiling, sharedCeiling: false, Limit(baselineTeams));
Console.WriteLine($"  KindnessBot: ceiling agreed through Table Storage, {teams:N0} teams");
var fleet = await FanOutRun.RunAsync("KindnessBot", azurite, connector, teams, ceiling, sharedCeiling: true, Limit(teams));

Console.WriteLine();
Console.WriteLine("| run | teams | seconds | requests/s | % of ceiling | median second | delivered/s | duplicates | losses | app-limit violations | conversation-limit violations | injected 429s | failed | wasted slots |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine($"| ceiling (reference) | | | {ceiling:F1} | 100% | {ceiling} | {0.9 * ceiling:F1} (max with 10% 429s) | | | | | | | |");
foreach (var r in new[] { baseline, fleet })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Name} | {r.Teams:N0} | {r.Seconds:F1} | {r.RequestsPerSecond:F1} | {r.RequestsPerSecond / ceiling:P0} | {r.MedianSecond:F0} | {r.DeliveredPerSecond:F1} | {r.Duplicates} | {r.Losses} | {r.AppViolations} | {r.ConversationViolations} | {r.Injected429s} | {r.Failed} | {r.WastedSlots} |"));
}

Console.WriteLine();
var share = fleet.RequestsPerSecond / ceiling;
var met = share >= 0.9 && fleet.Duplicates == 0 && fleet.Losses == 0 && fleet.AppViolations == 0 && fleet.ConversationViolations == 0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"KindnessBot: {share:P1} of the ceiling in requests over the whole run (target >= 90%), median second {fleet.MedianSecond / ceiling:P0}, {fleet.DeliveredPerSecond / (0.9 * ceiling):P1} of the deliverable maximum, {fleet.Duplicates} duplicates, {fleet.Losses} losses, {fleet.AppViolations + fleet.ConversationViolations} limit violations (targets 0): {(met ? "targets met" : "TARGETS MISSED")}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  of which {fleet.StalledSeconds} seconds with no request at all, while work remained (Azurite's queue garbage collection, every 60 s); over the other seconds {fleet.RequestsPerAnsweringSecond:F1} requests/s = {fleet.RequestsPerAnsweringSecond / ceiling:P1} of the ceiling."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Naive fleet: {baseline.RequestsPerSecond / ceiling:P0} of the ceiling in requests, {baseline.AppViolations} app-limit violations: what two instances do when each keeps the ceiling on its own."));
if (smoke)
{
    var ran = fleet.Losses == 0 && fleet.Duplicates == 0 && baseline.Losses == 0;
    Console.WriteLine(ran ? "Smoke run: every team reached once (figures not judged)." : "Smoke run: TEAMS NOT REACHED, OR REACHED TWICE.");
    return ran ? 0 : 1;
}

return met ? 0 : 1;

int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
