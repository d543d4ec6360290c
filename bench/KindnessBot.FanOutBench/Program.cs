using System.Globalization;
using KindnessBot.FanOutBench;
using KindnessBot.Testing;

// Mixed fan-out through the delivery path: N conversations (70% weekly prompts to one big tenant's teams as a wave,
// 10% celebrations to channels, 10% reminders and 10% summaries to people as nudges, with quiet hours in five time
// zones), two DeliveryWorkers sharing only Azurite, against a simulated Teams connector that enforces Teams' limits
// (the app's ceiling per tenant) and injects 10% 429s and latency. During the big wave, two small tenants each send
// one message and a 3-team wave.
//   dotnet KindnessBot.FanOutBench.dll [--conversations 10000] [--ceiling 50] [--baseline-conversations 500]
//   --smoke: 60 conversations, to show it still runs; its figures are printed, not judged, but everything due must be reached once.
var smoke = args.Contains("--smoke");
var total = Option("--conversations", Option("--teams", smoke ? 60 : 10_000));
var ceiling = Option("--ceiling", 50);
var baselineTotal = Option("--baseline-conversations", Option("--baseline-teams", Math.Min(smoke ? 30 : 500, total)));

Console.WriteLine($"Mixed fan-out through the delivery path: {total:N0} conversations, two workers sharing only Azurite, ceiling {ceiling}/s per app and tenant, {Environment.ProcessorCount} cores.");
Console.WriteLine("The simulated connector enforces 7/1 s, 8/2 s, 60/30 s per conversation and the ceiling per tenant over any 1 s, injects 10% 429s (Retry-After: 1) and 5-40 ms latency.");
await using var azurite = await Azurite.StartAsync();
await using var connector = await SimulatedTeamsConnector.StartAsync(ceiling);

// Bounded: at the ceiling, N conversations need N / (0.9 x ceiling) seconds; give twice that, plus a minute and the
// quiet hours that end about three minutes in.
TimeSpan Limit(int n, bool quietEnds) => TimeSpan.FromSeconds((2.0 * n / (0.9 * ceiling)) + 60 + (quietEnds ? 200 : 0));

var baselineMix = FanOutMix.Of(baselineTotal, quietEndsInRun: false);
Console.WriteLine($"  baseline: naive fleet (each worker paces itself at the ceiling), {baselineTotal:N0} conversations");
var baseline = await FanOutRun.RunAsync("naive fleet", azurite, connector, baselineMix, ceiling, sharedCeiling: false, Limit(baselineTotal, false));
var mix = FanOutMix.Of(total, quietEndsInRun: !smoke);
Console.WriteLine($"  KindnessBot: ceiling agreed through Table Storage, {mix.Prompts:N0} prompts (a wave), {mix.Celebrations:N0} celebrations, {mix.Reminders:N0} reminders, {mix.Summaries:N0} summaries");
var fleet = await FanOutRun.RunAsync("KindnessBot", azurite, connector, mix, ceiling, sharedCeiling: true, Limit(total, mix.QuietEndsInRun));

string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
string Ms(TimeSpan? t) => t is { } d ? F($"{d.TotalMilliseconds:N0} ms") : "NOT DELIVERED";

Console.WriteLine();
Console.WriteLine("| run | conversations due | seconds | requests/s | % of ceiling | median second | delivered/s | duplicates | losses | app-limit violations | conversation-limit violations | quiet-hour deliveries | injected 429s | storage requests per delivered message | wasted slots |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(F($"| ceiling (reference) | | | {ceiling:F1} | 100% | {ceiling} | {0.9 * ceiling:F1} (max with 10% 429s) | | | | | | | | |"));
foreach (var r in new[] { baseline, fleet })
{
    Console.WriteLine(F($"| {r.Name} | {r.Expected:N0} | {r.Seconds:F1} | {r.RequestsPerSecond:F1} | {r.RequestsPerSecond / ceiling:P0} | {r.MedianSecond:F0} | {r.DeliveredPerSecond:F1} | {r.Duplicates} | {r.Losses} | {r.AppViolations} | {r.ConversationViolations} | {r.QuietHourDeliveries} | {r.Injected429s} | {r.TransactionsPerDelivered:F1} ({r.TableRequests / (double)Math.Max(1, r.Posted):F1} tables + {r.QueueRequests / (double)Math.Max(1, r.Posted):F1} queues) | {r.WastedSlots} |"));
}

Console.WriteLine();
Console.WriteLine(F($"KindnessBot's storage requests during the run, {fleet.TableRequests + fleet.QueueRequests:N0} for {fleet.Posted:N0} delivered messages (setup not counted; the schedulers' sweeps are):"));
Console.WriteLine("  " + string.Join(", ", fleet.ByStore.Select(s => F($"{s.Name} {s.Count / (double)Math.Max(1, fleet.Posted):F2}"))) + " per delivered message");
Console.WriteLine(F($"People in quiet hours all through the run: {fleet.HeldForQuietHours}, their nudges held; {fleet.HeldDelivered} of them posted (target 0)."));
Console.WriteLine(F($"Single messages of the big tenant, enqueue to delivery: median {Ms(fleet.SingleDelayMedian)}, p99 {Ms(fleet.SingleDelayP99)} (not counting the nudges whose quiet hours ended in the run{(fleet.QuietEndedDelayMin is { } q ? F($", the first of which came {q.TotalSeconds:F0} s after enqueue") : "")})."));
Console.WriteLine(F($"Posts that ended without an answer (cut off, timed out), tried again by the worker: {fleet.CutOff}; messages posted twice: {fleet.Repeats.Count}{(fleet.Repeats.Count > 0 ? ": " + string.Join("; ", fleet.Repeats.Take(10)) : "")}."));
foreach (var s in fleet.SmallTenants)
{
    Console.WriteLine(F($"During the big tenant's wave, {s.Name} (shard {s.Shard}): its message in {Ms(s.Single)}, its 3-team wave in {Ms(s.WaveFirst)} to {Ms(s.WaveLast)}."));
}

Console.WriteLine();
var share = fleet.RequestsPerSecond / ceiling;
var met = share >= 0.9 && fleet.Duplicates == 0 && fleet.Losses == 0 && fleet.Violations == 0 && fleet.QuietHourDeliveries == 0 && fleet.HeldDelivered == 0;
Console.WriteLine(F($"KindnessBot: {share:P1} of the ceiling in requests over the whole run (target >= 90%), median second {fleet.MedianSecond / ceiling:P0}, {fleet.DeliveredPerSecond / (0.9 * ceiling):P1} of the deliverable maximum, {fleet.Duplicates} duplicates, {fleet.Losses} losses, {fleet.Violations} limit violations, {fleet.QuietHourDeliveries} quiet-hour deliveries (targets 0), {fleet.TransactionsPerDelivered:F1} storage requests per delivered message: {(met ? "targets met" : "TARGETS MISSED")}"));
Console.WriteLine(F($"  of which {fleet.StalledSeconds} seconds with no request at all, while work remained (Azurite's queue garbage collection, every 60 s); over the other seconds {fleet.RequestsPerAnsweringSecond:F1} requests/s = {fleet.RequestsPerAnsweringSecond / ceiling:P1} of the ceiling."));
Console.WriteLine(F($"Naive fleet: {baseline.RequestsPerSecond / ceiling:P0} of the ceiling in requests, {baseline.AppViolations} app-limit violations: what two instances do when each keeps the ceiling on its own."));
if (smoke)
{
    var ran = fleet.Losses == 0 && fleet.Duplicates == 0 && fleet.HeldDelivered == 0 && baseline.Losses == 0 && baseline.Duplicates == 0;
    Console.WriteLine(ran ? "Smoke run: everything due reached once, nothing in quiet hours (figures not judged)." : "Smoke run: CONVERSATIONS NOT REACHED, REACHED TWICE, OR REACHED IN QUIET HOURS.");
    return ran ? 0 : 1;
}

return met ? 0 : 1;

int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
