using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Testing;

/// <summary>
/// A Teams connector on a free loopback port that behaves like Teams under load (BUILDING §7): per conversation
/// at most 7 messages in any 1 s, 8 in any 2 s and 60 in any 30 s; per app at most <c>ceiling</c> requests in
/// any 1 s (sliding windows, every arriving request counted). A request over a limit is a violation: it gets
/// 429 with Retry-After and is counted. On top, a share of requests gets an injected 429 (Teams throttling for
/// its own reasons) and every answer comes after a random latency. It counts accepted posts per conversation,
/// so duplicates and losses can be read off afterwards. Teams keeps the app's ceiling per tenant: a post whose
/// activity names its tenant (conversation.tenantId, as the Bot Framework sends it) counts against that tenant's
/// window; posts that name none share one window.
/// </summary>
public sealed class SimulatedTeamsConnector : IAsyncDisposable
{
    private static readonly (TimeSpan Window, int Limit)[] ConversationLimits =
    [
        (TimeSpan.FromSeconds(1), 7),
        (TimeSpan.FromSeconds(2), 8),
        (TimeSpan.FromSeconds(30), 60),
    ];

    private readonly WebApplication _app;
    private readonly int _ceiling;
    private readonly double _injected429Share;
    private readonly (int Min, int Max) _latencyMs;
    private readonly Random _random;
    private readonly Queue<long> _appWindow = new();
    private readonly Dictionary<string, Queue<long>> _tenantWindows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<long>> _conversationWindows = new();
    private readonly List<long> _arrivals = [];
    private long _requests, _injected429s, _appViolations, _conversationViolations, _firstTicks, _lastTicks;

    private SimulatedTeamsConnector(WebApplication app, int ceiling, double injected429Share, (int, int) latencyMs, int seed)
    {
        _app = app;
        _ceiling = ceiling;
        _injected429Share = injected429Share;
        _latencyMs = latencyMs;
        _random = new Random(seed);
    }

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Accepted posts per conversation id.</summary>
    public ConcurrentDictionary<string, int> Posts { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    public long Injected429s => Interlocked.Read(ref _injected429s);

    public long AppViolations => Interlocked.Read(ref _appViolations);

    public long ConversationViolations => Interlocked.Read(ref _conversationViolations);

    /// <summary>From the first request to the last one.</summary>
    public TimeSpan Busy => Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstTicks), Interlocked.Read(ref _lastTicks));

    /// <summary>Requests in each whole second from the first request on (the last, partial second left out).</summary>
    public IReadOnlyList<int> RequestsPerSecond()
    {
        lock (_appWindow)
        {
            if (_arrivals.Count == 0)
            {
                return [];
            }

            var first = _arrivals.Min();
            var seconds = (int)Stopwatch.GetElapsedTime(first, _arrivals.Max()).TotalSeconds;
            var counts = new int[Math.Max(seconds, 1)];
            foreach (var t in _arrivals)
            {
                var i = (int)Stopwatch.GetElapsedTime(first, t).TotalSeconds;
                if (i < counts.Length)
                {
                    counts[i]++;
                }
            }

            return counts;
        }
    }

    public int Duplicates => Posts.Values.Sum(n => Math.Max(0, n - 1));

    public static async Task<SimulatedTeamsConnector> StartAsync(int ceiling = 50, double injected429Share = 0.10, int minLatencyMs = 5, int maxLatencyMs = 40, int seed = 6)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new SimulatedTeamsConnector(app, ceiling, injected429Share, (minLatencyMs, maxLatencyMs), seed);
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>Forgets every count, for a second run on the same connector.</summary>
    public void Reset()
    {
        lock (_appWindow)
        {
            _appWindow.Clear();
            _tenantWindows.Clear();
            _arrivals.Clear();
            _conversationWindows.Clear();
            Posts.Clear();
            _requests = _injected429s = _appViolations = _conversationViolations = _firstTicks = _lastTicks = 0;
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext http, string conversationId)
    {
        var tenant = await TenantOfAsync(http.Request.Body);
        bool overApp, overConversation, inject;
        int latency;
        lock (_appWindow)
        {
            var now = Stopwatch.GetTimestamp();
            _arrivals.Add(now);
            _requests++;
            _firstTicks = _firstTicks == 0 ? now : _firstTicks;
            _lastTicks = Math.Max(_lastTicks, now);
            var appWindow = tenant.Length == 0 ? _appWindow : _tenantWindows.TryGetValue(tenant, out var w) ? w : _tenantWindows[tenant] = new Queue<long>();
            overApp = Count(appWindow, now, TimeSpan.FromSeconds(1)) > _ceiling;
            var window = _conversationWindows.GetOrAdd(conversationId, _ => new Queue<long>());
            overConversation = ConversationLimits.Any(l => CountWithin(window, now, l.Window) >= l.Limit);
            window.Enqueue(now);
            while (window.Count > 0 && Stopwatch.GetElapsedTime(window.Peek(), now) > ConversationLimits[^1].Window)
            {
                window.Dequeue();
            }

            inject = _random.NextDouble() < _injected429Share;
            latency = _random.Next(_latencyMs.Min, _latencyMs.Max + 1);
            _appViolations += overApp ? 1 : 0;
            _conversationViolations += overConversation ? 1 : 0;
            _injected429s += inject && !overApp && !overConversation ? 1 : 0;
        }

        await Task.Delay(latency);
        if (overApp || overConversation || inject)
        {
            http.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }

        Posts.AddOrUpdate(Uri.UnescapeDataString(conversationId), 1, (_, n) => n + 1);
        return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
    }

    /// <summary>The tenant an activity names (conversation.tenantId), or "" when it names none or is not JSON.</summary>
    private static async Task<string> TenantOfAsync(Stream body)
    {
        try
        {
            using var json = await System.Text.Json.JsonDocument.ParseAsync(body);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty("conversation", out var conversation) && conversation.ValueKind == System.Text.Json.JsonValueKind.Object
                && conversation.TryGetProperty("tenantId", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
                ? id.GetString() ?? ""
                : "";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }

    /// <summary>Adds an arrival to a one-window log and says how many arrivals (this one included) it now holds.</summary>
    private static int Count(Queue<long> log, long now, TimeSpan window)
    {
        log.Enqueue(now);
        while (log.Count > 0 && Stopwatch.GetElapsedTime(log.Peek(), now) >= window)
        {
            log.Dequeue();
        }

        return log.Count;
    }

    private static int CountWithin(Queue<long> log, long now, TimeSpan window) =>
        log.Count(t => Stopwatch.GetElapsedTime(t, now) < window);
}
