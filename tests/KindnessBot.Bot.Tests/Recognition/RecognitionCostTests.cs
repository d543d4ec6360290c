using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;

namespace KindnessBot.Bot.Tests.Recognition;

/// <summary>The team host with no delivery worker running, so a turn's storage requests are the turn's alone.</summary>
public sealed class NoWorkerHost : IAsyncLifetime
{
    public TeamHost Host { get; } = new(null, new() { ["Delivery:Background"] = "false" });

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>What one recognition costs in storage, counted on the turn that gives it.</summary>
public class RecognitionCostTests(NoWorkerHost fixture) : IClassFixture<NoWorkerHost>
{
    private TeamHost Host => fixture.Host;

    private string Tenant => Host.Activities.TenantId;

    private KindnessBot.Core.Recognition.IRecognitionStore Store => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<KindnessBot.Core.Recognition.IRecognitionStore>(Host.Services);

    [Fact]
    public async Task A_submit_stores_a_recognition_in_three_storage_transactions_plus_two_reads_and_records_its_consent_request_with_one_insert()
    {
        await Host.PostAsync(Host.Activities.PersonalMessage("recognise", "29:p01")); // the card: conversation and teams already known
        Host.Storage.Clear();

        await Host.SubmitAsync(TeamHost.Give("29:p02", celebrateIn: TeamsActivities.TeamId), "29:p01");

        var requests = string.Join('\n', Host.Storage.Requests);
        Assert.True(Host.Storage.CountFor("Recognitions") <= 3, requests);

        // + the giver's teams (one membership read), the recipient's chat, and the consent request recorded on the
        // delivery path (one insert; its queue message is not a table request). The dashboard's counts are written
        // after the turn, off its path, so they are not the submit's cost.
        Assert.True(Host.Storage.Requests.Count - Host.Storage.CountFor("Aggregates") <= 6, requests);
        Assert.Equal(1, Host.Storage.CountFor("Deliveries"));
        Assert.Single(await Store.GivenAsync(Tenant, "29:p01", 10, default));
    }
}
