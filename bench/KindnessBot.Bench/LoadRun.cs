using System.Diagnostics;
using System.Text;

namespace KindnessBot.Bench;

/// <summary>Figures from one bot at one concurrency.</summary>
internal sealed record LoadResult(string Bot, int Concurrency, int Turns, int Failures, double TurnsPerSecond, double P50Ms, double P99Ms, long RssMb, double CpuMsPerTurn);

/// <summary>
/// Sends message turns to a bot over HTTP, the way Teams does, from a fixed number of concurrent senders for a fixed
/// time (bounded in count and time, loopback only), after a warm-up.
/// </summary>
internal static class LoadRun
{
    /// <param name="turn">The activity JSON a sender sends: given the sender's number and a sequence number unique across senders.</param>
    public static async Task<LoadResult> RunAsync(string bot, Uri endpoint, Func<int, long, string> turn, int concurrency, TimeSpan warmUp, TimeSpan measure, int processId, int maxTurns = 2_000_000)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        await SendAsync(client, endpoint, turn, concurrency, warmUp, null, maxTurns);
        var latencies = new List<double>[concurrency];
        var cpuBefore = CpuMilliseconds(processId);
        var stopwatch = Stopwatch.StartNew();
        var failures = await SendAsync(client, endpoint, turn, concurrency, measure, latencies, maxTurns);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var cpu = CpuMilliseconds(processId) - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(bot, concurrency, all.Length, failures, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), RssMegabytes(processId), cpu / Math.Max(1, all.Length));
    }

    private static long _sequence;

    private static async Task<int> SendAsync(HttpClient client, Uri endpoint, Func<int, long, string> turn, int concurrency, TimeSpan duration, List<double>[]? latencies, int maxTurns)
    {
        var deadline = DateTime.UtcNow + duration;
        var failures = 0;
        var sent = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = new List<double>(10_000);
            if (latencies is not null)
            {
                latencies[worker] = mine;
            }

            while (DateTime.UtcNow < deadline && Interlocked.Increment(ref sent) <= maxTurns)
            {
                var body = turn(worker, Interlocked.Increment(ref _sequence));
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(endpoint, content);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await Task.WhenAll(workers);
        return failures;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>CPU time the bot's process has used (user + system), from /proc.</summary>
    private static double CpuMilliseconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
    }

    /// <summary>Peak resident memory of the bot's process (VmHWM), in MB.</summary>
    private static long RssMegabytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
        }

        return -1;
    }
}
