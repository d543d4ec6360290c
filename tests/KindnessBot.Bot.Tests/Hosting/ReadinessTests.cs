using System.Net;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Hosting;

/// <summary>A host on an Azurite of its own, so the test can take storage away.</summary>
public sealed class OwnStorageBotHost : BotHost
{
    private Azurite? _own;

    public Azurite Own => _own!;

    protected override async Task<Azurite> GetAzuriteAsync() => _own = await Azurite.StartAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Own.DisposeAsync();
    }
}

public class ReadinessTests(OwnStorageBotHost host) : IClassFixture<OwnStorageBotHost>
{
    [Fact]
    public async Task Many_callers_of_readyz_at_once_cost_storage_one_check()
    {
        var tables = host.Services.GetServices<Core.Storage.StorageDeclaration>().Count(d => d.Kind == Core.Storage.StorageKind.Table);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // past any earlier check's second
        host.Storage.Clear();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => host.Client.GetAsync("/readyz")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.InRange(host.Storage.Requests.Count, 1, 2 * tables);
    }

    [Fact]
    public async Task Readiness_fails_when_storage_stops_answering_while_liveness_still_answers()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/readyz")).StatusCode);

        await host.Own.DisposeAsync();

        // A result is reused for a second, so the change shows within a few.
        await Within.UntilAsync(TimeSpan.FromSeconds(10), async () => (await host.Client.GetAsync("/readyz")).StatusCode == HttpStatusCode.ServiceUnavailable, "/readyz answering 503 once storage is gone");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
    }
}

public class StorageHealthCheckTests
{
    [Fact]
    public async Task Readiness_fails_when_the_delivery_queue_does_not_answer_even_though_the_tables_do()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = Azurite.NewTablePrefix();
        var tables = azurite.Account(prefix);
        Core.Storage.StorageDeclaration[] declared = [.. Core.Conversations.ConversationStorage.Declared, .. Core.Delivery.DeliveryStorage.Declared];
        await tables.CreateAsync(declared.Where(d => d.Kind == Core.Storage.StorageKind.Table), default);
        var deadQueues = new Azure.Storage.Queues.QueueServiceClient(
            new Uri($"http://127.0.0.1:{Loopback.FreePort()}/{Azurite.AccountName}"),
            new Azure.Storage.StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey),
            new Azure.Storage.Queues.QueueClientOptions { Retry = { MaxRetries = 0 } });
        var check = new global::KindnessBot.Bot.Hosting.StorageHealthCheck(new Core.Storage.StorageAccount(azurite.TableService(), deadQueues, prefix), declared, TimeProvider.System);

        var result = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
        Assert.Contains("queue deliveries (Delivery) does not answer", result.Description, StringComparison.Ordinal);
    }
}
