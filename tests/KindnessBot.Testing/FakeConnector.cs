using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Testing;

/// <summary>What the bot sent to the connector: the conversation, the HTTP method, and the activity.</summary>
public sealed record SentActivity(string Method, string ConversationId, string? ReplyToId, JObject Activity)
{
    public string? Type => (string?)Activity["type"];

    public string? Text => (string?)Activity["text"];

    /// <summary>The Adaptive Card content of the first card attachment, if any.</summary>
    /// <summary>The card's first text: its title, in every KindnessBot card.</summary>
    public string? CardTitle => (string?)(Card?["body"]?[0]?["text"] ?? Card?["body"]?[0]?["items"]?[0]?["text"]);

    public JObject? Card => Activity["attachments"]?.FirstOrDefault(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")?["content"] as JObject;
}

/// <summary>
/// Stands in for the Teams Connector service (the bot's serviceUrl) on a free loopback port, and records every
/// activity the bot sends, replies, or updates. It answers like the real service: 201 with a resource id.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SentActivity> _sent = new();
    private readonly bool _record;
    private readonly ConcurrentDictionary<string, JArray> _rosters = new();

    private FakeConnector(WebApplication app, bool record)
    {
        _app = app;
        _record = record;
    }

    public Uri ServiceUrl { get; private set; } = null!;

    public IReadOnlyList<SentActivity> Sent => [.. _sent];

    private long _received;

    /// <summary>Every request received, recorded or not.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <param name="record">False for load tests: count requests without keeping them.</param>
    public static async Task<FakeConnector> StartAsync(bool record = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeConnector(app, record);
        app.MapMethods("/v3/conversations/{**rest}", ["POST", "PUT"], connector.HandleAsync);
        app.MapGet("/v3/conversations/{conversationId}/pagedmembers", (string conversationId) =>
            Results.Content(new JObject { ["members"] = connector._rosters.GetValueOrDefault(Uri.UnescapeDataString(conversationId)) ?? [] }.ToString(), "application/json"));
        app.MapPost("/v3/conversations", () => Results.Json(new { id = "created-" + Guid.NewGuid().ToString("N"), activityId = Guid.NewGuid().ToString("N") }, statusCode: 201));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>Who is in a chat or team, as the roster call returns them (Teams id, Entra object id, name).</summary>
    public void SetMembers(string conversationId, string tenantId, params (string Id, string Name)[] members) =>
        _rosters[conversationId] = new JArray(members.Select(m => new JObject
        {
            ["id"] = m.Id,
            ["name"] = m.Name,
            ["aadObjectId"] = TeamsActivities.AadObjectId(m.Id),
            ["tenantId"] = tenantId,
        }));

    /// <summary>Adds one member to a roster, as Teams lists them: a guest has userRole "guest"; a member may be of another tenant.</summary>
    public void AddMember(string conversationId, string id, string name, string tenantId, string userRole = "user")
    {
        var roster = _rosters.GetValueOrDefault(conversationId) ?? [];
        roster.Add(new JObject { ["id"] = id, ["name"] = name, ["aadObjectId"] = TeamsActivities.AadObjectId(id), ["tenantId"] = tenantId, ["userRole"] = userRole });
        _rosters[conversationId] = roster;
    }

    /// <summary>Forgets what was sent so far.</summary>
    public void Clear() => _sent.Clear();

    /// <summary>
    /// The next <paramref name="count"/> requests with <paramref name="method"/> (new posts by default; PUT for updates) are
    /// refused with <paramref name="status"/> (and Retry-After, if given), as Teams does when throttling. With
    /// <paramref name="only"/>, only requests whose activity matches count (a card by its content, say).
    /// </summary>
    public void RefuseNext(int count, int status, string? retryAfter = null, string method = "POST", Func<JObject, bool>? only = null)
    {
        _refuseMethod = method;
        _refuseOnly = only;
        _refuseStatus = status;
        _retryAfter = retryAfter;
        Interlocked.Exchange(ref _toRefuse, count);
    }

    /// <summary>Posts refused so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private int _toRefuse;
    private int _refused;
    private int _refuseStatus;
    private string _refuseMethod = "POST";
    private Func<JObject, bool>? _refuseOnly;
    private string? _retryAfter;

    private async Task<IResult> HandleAsync(HttpContext http, string rest)
    {
        Interlocked.Increment(ref _received);
        JObject? body = null;
        if (_record || _refuseOnly is not null)
        {
            using var reader = new StreamReader(http.Request.Body);
            body = JObject.Parse(await reader.ReadToEndAsync());
        }
        else
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
        }

        if (http.Request.Method == _refuseMethod && (_refuseOnly is not { } only || only(body!)) && Interlocked.Decrement(ref _toRefuse) >= 0)
        {
            Interlocked.Increment(ref _refused);
            if (_retryAfter is not null)
            {
                http.Response.Headers.RetryAfter = _retryAfter;
            }

            return Results.Json(new { error = new { code = "Throttled", message = "Too many requests" } }, statusCode: _refuseStatus);
        }

        var parts = rest.Split('/');
        var conversationId = Uri.UnescapeDataString(parts[0]);
        var replyToId = parts.Length >= 3 && parts[1] == "activities" ? Uri.UnescapeDataString(parts[2]) : null;
        if (_record)
        {
            _sent.Enqueue(new SentActivity(http.Request.Method, conversationId, replyToId, body!));
        }

        return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: http.Request.Method == "PUT" ? 200 : 201);
    }
}
