using System.Net.Http.Headers;
using System.Text;
using KindnessBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Hosting;

/// <summary>
/// The real KindnessBot host on Kestrel (a real loopback port, real HTTP), with its own tables in the shared
/// Azurite and a fake Teams connector that records what it sends. Extra configuration can switch on
/// authentication and the like.
/// </summary>
public class BotHost : IAsyncLifetime
{
    private readonly Dictionary<string, string?> _extraSettings;
    private WebApplicationFactory<Program> _factory = null!;

    public BotHost()
        : this([])
    {
    }

    protected BotHost(Dictionary<string, string?> extraSettings) => _extraSettings = extraSettings;

    public FakeConnector Connector { get; private set; } = null!;

    public TeamsActivities Activities { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string TablePrefix { get; } = Azurite.NewTablePrefix();

    public Azurite Azurite { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    public CapturedLogs Logs { get; } = new();

    /// <summary>Every storage request the host makes.</summary>
    public CountingPolicy Storage { get; } = new();

    public virtual async Task InitializeAsync()
    {
        Azurite = await GetAzuriteAsync();
        Connector = await FakeConnector.StartAsync();
        Activities = new TeamsActivities(Connector.ServiceUrl);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Reflection:AnswerSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),

            // Tests of other features run at any hour: quiet hours and the day's one nudge have tests of their own.
            ["Delivery:QuietHours"] = "false",
            ["Delivery:NudgesPerDay"] = "0",
            ["Delivery:BaseBackoff"] = "00:00:00.200",
            ["Delivery:IdlePoll"] = "00:00:00.200",
            ["Delivery:MaxIdlePoll"] = "00:00:01",
            ["urls"] = $"http://127.0.0.1:{Port}",
        };
        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
            web.ConfigureLogging(logging => logging.AddProvider(Logs));
            web.ConfigureTestServices(ConfigureTestServices);
            web.ConfigureServices(services =>
            {
                var options = new Azure.Data.Tables.TableClientOptions();
                options.AddPolicy(Storage, Azure.Core.HttpPipelinePosition.PerCall);
                services.AddSingleton(new Azure.Data.Tables.TableServiceClient(Azurite.ConnectionString, options));
            });
        });
        _factory.UseKestrel(Port);
        _factory.StartServer();
        Client = _factory.CreateClient();
    }

    /// <summary>The loopback port the host listens on: any free one (0), unless a test needs to know it before start.</summary>
    protected virtual int Port => 0;

    /// <summary>Replaces services for a test class (a fake clock, say); applied after the host's own registrations.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>The storage the host uses: the test run's shared Azurite, unless a test needs its own.</summary>
    protected virtual Task<Azurite> GetAzuriteAsync() => SharedAzurite.GetAsync();

    /// <summary>Waits (bounded) for the bot to have sent something that matches, as the delivery worker does in the background.</summary>
    public async Task<SentActivity> WaitForSentAsync(Func<SentActivity, bool> match, string what, TimeSpan? limit = null)
    {
        SentActivity? found = null;
        await Within.UntilAsync(limit ?? TimeSpan.FromSeconds(15), () => Task.FromResult((found = Connector.Sent.FirstOrDefault(match)) is not null), what);
        return found!;
    }

    public async Task<HttpResponseMessage> PostAsync(JToken activity, string? bearerToken = null) =>
        await PostRawAsync(activity.ToString(Newtonsoft.Json.Formatting.None), bearerToken);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? bearerToken = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
        else if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
