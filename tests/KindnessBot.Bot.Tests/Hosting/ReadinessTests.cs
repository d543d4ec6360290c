using System.Net;
using KindnessBot.Testing;

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
    public async Task Readiness_fails_when_storage_stops_answering_while_liveness_still_answers()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/readyz")).StatusCode);

        await host.Own.DisposeAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
    }
}
