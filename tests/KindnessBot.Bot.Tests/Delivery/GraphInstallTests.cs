using KindnessBot.Bot.Delivery;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Recognition;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace KindnessBot.Bot.Tests.Delivery;

/// <summary>The team host with Microsoft Graph (the one edge that cannot be real here) mocked, installing the app for people or not.</summary>
public class GraphHost : IAsyncLifetime
{
    public const string CatalogId = "7c1a5f4e-0000-4000-8000-0000000000aa";

    private readonly bool _install;

    public GraphHost()
        : this(install: true)
    {
    }

    protected GraphHost(bool install) => _install = install;

    public Mock<ITeamsAppGraph> Graph { get; } = new(MockBehavior.Strict);

    public TeamHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Graph.Setup(g => g.InstallForUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(201);
        var settings = _install ? new Dictionary<string, string?> { ["Delivery:InstallForPeople"] = "true", ["Delivery:TeamsAppCatalogId"] = CatalogId } : null;
        Host = new TeamHost(null, settings, services => services.AddSingleton(Graph.Object));
        await Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>The same host with Delivery:InstallForPeople off (the default).</summary>
public sealed class GraphOffHost : GraphHost
{
    public GraphOffHost()
        : base(install: false)
    {
    }
}

public class GraphInstallTests(GraphHost graph) : IClassFixture<GraphHost>
{
    [Fact]
    public async Task With_InstallForPeople_a_recognition_for_someone_without_a_chat_installs_the_app_once_waits_and_is_delivered_once_Teams_opens_their_chat()
    {
        var host = graph.Host;
        const string what = "Showed me where everything is on my first shift.";
        var cardId = Guid.NewGuid().ToString("N");
        var at = DeliveryRef.Of(RecognitionDelivery.ConsentRequest(host.Activities.TenantId, "29:p01", cardId, "29:sam", null));
        var outbox = host.Services.GetRequiredService<OutboxStore>();

        await host.SubmitAsync(TeamHost.Give("29:sam", what: what, cardId: cardId), "29:p01");

        OutboxEntry? row = null;
        await Within.UntilAsync(TimeSpan.FromSeconds(15), async () => (row = await outbox.FindAsync(at, default)) is { State: DeliveryState.Parked }, "Sam's consent request being parked after the install");
        Assert.Contains("installed", row!.Reason, StringComparison.Ordinal);
        graph.Graph.Verify(g => g.InstallForUserAsync(TeamsActivities.AadObjectId("29:sam"), GraphHost.CatalogId, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(host.SentTo(TeamsActivities.PersonalConversationId("29:sam")));

        await host.PostAsync(host.Activities.BotAddedToPersonal("29:sam")); // Teams opens Sam's chat with the bot

        bool IsConsent(SentActivity s) => s.ConversationId == TeamsActivities.PersonalConversationId("29:sam") && s.Card?.ToString().Contains(what, StringComparison.Ordinal) == true;
        await host.DeliveredAsync(IsConsent, "Sam's consent request once the chat is open");
        await host.DeliverAsync();
        Assert.Single(host.Connector.Sent, IsConsent);
        Assert.Equal(DeliveryState.Sent, (await outbox.FindAsync(at, default))!.State);
        graph.Graph.Verify(g => g.InstallForUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}

public class GraphOffTests(GraphOffHost graph) : IClassFixture<GraphOffHost>
{
    [Fact]
    public async Task Without_InstallForPeople_Graph_is_never_called_and_the_message_waits_for_the_persons_first_chat()
    {
        var host = graph.Host;
        var cardId = Guid.NewGuid().ToString("N");
        var at = DeliveryRef.Of(RecognitionDelivery.ConsentRequest(host.Activities.TenantId, "29:p02", cardId, "29:sam", null));
        var outbox = host.Services.GetRequiredService<OutboxStore>();

        await host.SubmitAsync(TeamHost.Give("29:sam", what: "Made the new starters feel welcome.", cardId: cardId), "29:p02");

        OutboxEntry? row = null;
        await Within.UntilAsync(TimeSpan.FromSeconds(15), async () => (row = await outbox.FindAsync(at, default)) is { State: DeliveryState.Parked }, "Sam's consent request being parked");
        Assert.Equal("Waiting for the person's first conversation with KindnessBot.", row!.Reason);
        await host.DeliverAsync();
        graph.Graph.Verify(g => g.InstallForUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
