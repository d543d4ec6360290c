using System.Diagnostics;
using Azure;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.People;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace KindnessBot.Bench;

/// <summary>
/// Many people pressing "I've read this" on one statement at once, through two service instances (as two bot
/// instances would) sharing one Azurite: presses per second, ETag conflicts retried, and whether the count is exact.
/// The baseline in the same run is the same presses spread over one statement per reader, where nobody contends.
/// Statements are recorded on the delivery path as the product does; the bench then plays the worker's part for
/// them (<see cref="PermissionDelivery.DeliveredAsync"/>, as after a post), so each has its card's activity id and
/// every counted press refreshes the card, as in production.
/// </summary>
internal static class ReadsBench
{
    public static async Task<int> RunAsync(Azurite azurite, int readers, int concurrency)
    {
        Console.WriteLine($"\"I've read this\" benchmark: {readers} people, {concurrency} at a time, two service instances on one Azurite.");
        var contended = await PressAsync(azurite, readers, concurrency, oneStatement: true);
        var spread = await PressAsync(azurite, readers, concurrency, oneStatement: false);
        Console.WriteLine();
        Console.WriteLine("| case | presses/s | p99 ms | ETag conflicts retried | final count | exact |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var (name, r) in new[] { ("one statement, all contending", contended), ("baseline: a statement each", spread) })
        {
            Console.WriteLine($"| {name} | {r.PerSecond:F0} | {r.P99:F1} | {r.Conflicts} | {r.Count} | {(r.Count == readers ? "yes" : "NO")} |");
        }

        Console.WriteLine($"Contention costs {spread.PerSecond / contended.PerSecond:F1}x in rate; no update is lost.");
        return contended.Count == readers && spread.Count == readers ? 0 : 1;
    }

    private static async Task<(double PerSecond, double P99, long Conflicts, int Count)> PressAsync(Azurite azurite, int readers, int concurrency, bool oneStatement)
    {
        var account = azurite.Account(Azurite.NewTablePrefix());
        var delivery = new DeliveryStorage(account);
        await account.CreateAsync([.. ConversationStorage.Declared, .. PermissionStorage.Declared, .. DeliveryStorage.Declared], default);
        var conversations = new TableConversationStore(account);
        var store = new TablePermissionStore(account);
        using var signal = new DeliverySignal();
        var outbox = new DeliveryOutbox(delivery, new OutboxStore(delivery), signal, TimeProvider.System, NullLogger<DeliveryOutbox>.Instance);
        var posted = new PermissionDelivery(store);
        var team = new ConversationRecord { TenantId = "bench", ConversationId = "19:team", Kind = ConversationKind.Channel, ServiceUrl = "http://127.0.0.1:9/", ChannelId = "msteams", BotId = "28:bot", TeamId = "19:team", InstalledBy = "29:lead" };
        await conversations.SaveAsync(team, default);
        var instances = Enumerable.Range(0, 2).Select(_ => new PermissionService(store, conversations, new FixedLeaders("29:lead"), new Silent(), outbox, TimeProvider.System)).ToArray();
        var lead = new Person("29:lead", null, "Lee Lead", null);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var statements = new List<PermissionStatement>();
        for (var i = 0; i < (oneStatement ? 1 : readers); i++)
        {
            var (statement, _) = await instances[0].PostAsync(new StatementRequest(lead, team, "You can stay with someone who needs you", "Tell your lead afterwards", [], today, today.AddDays(30)), default);
            var request = PermissionDelivery.StatementRequest(statement!);
            await posted.DeliveredAsync(new OutboxEntry(request, DeliveryState.Sent, DateTimeOffset.UtcNow, ETag.All), "card-" + i, default);
            statements.Add((await store.FindAsync("bench", "19:team", statement!.Key, default))!);
        }

        var latencies = new double[readers];
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < readers)
            {
                var statement = statements[oneStatement ? 0 : i];
                var started = Stopwatch.GetTimestamp();
                await instances[i % 2].MarkReadAsync("bench", "19:team", statement.Key, $"29:reader-{i}", default);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var count = 0;
        foreach (var statement in statements)
        {
            count += (await store.FindAsync("bench", "19:team", statement.Key, default))!.ReadCount;
        }

        Array.Sort(latencies);
        return (readers / elapsed, latencies[(int)Math.Ceiling(0.99 * readers) - 1], instances.Sum(s => s.Conflicts), count);
    }

    private sealed class Silent : IPermissionNotifier
    {
        public Task UpdateAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
