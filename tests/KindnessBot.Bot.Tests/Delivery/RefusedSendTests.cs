using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Recognition;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Delivery;

/// <summary>
/// Sends Teams refuses for a moment (503) are retried by the delivery worker and arrive exactly once: the consent request
/// that was lost for good before the delivery path, and the celebration after "Share with my team".
/// </summary>
public class RefusedSendTests(TeamHost host) : IClassFixture<TeamHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    private OutboxStore Outbox => host.Services.GetRequiredService<OutboxStore>();

    private string Tenant => host.Activities.TenantId;

    [Fact]
    public async Task A_consent_request_Teams_refuses_with_503_is_delivered_later_exactly_once()
    {
        const string what = "Found the missing dosage chart and calmed everyone down.";
        var cardId = Guid.NewGuid().ToString("N");
        var refusedBefore = host.Connector.Refused;
        host.Connector.RefuseNext(1, 503, only: a => a.ToString().Contains(what, StringComparison.Ordinal));

        await host.SubmitAsync(TeamHost.Give("29:p01", what: what, cardId: cardId), "29:p02");

        await host.DeliveredAsync(s => s.ConversationId == Chat("29:p01") && s.Card?.ToString().Contains(what, StringComparison.Ordinal) == true, "The consent request reaching Person 1 after the 503");
        await host.DeliverAsync(); // anything still queued (a second copy, a retry) would be delivered now
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // longer than the first backoff: a repeated retry would have come
        Assert.Equal(refusedBefore + 1, host.Connector.Refused);
        Assert.Single(host.SentTo(Chat("29:p01")), s => s.Card?.ToString().Contains(what, StringComparison.Ordinal) == true);
        var row = await Outbox.FindAsync(DeliveryRef.Of(RecognitionDelivery.ConsentRequest(Tenant, "29:p02", cardId, "29:p01", null)), default);
        Assert.NotNull(row);
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal(2, row.Attempts);
    }

    [Fact]
    public async Task A_celebration_Teams_refuses_with_503_after_Share_with_my_team_is_retried_and_posted_once_and_the_giver_hears_once()
    {
        const string what = "Stayed with a frightened patient through the night.";
        await host.SubmitAsync(TeamHost.Give("29:p03", what: what), "29:p04", inChannel: true);
        var ask = await host.DeliveredAsync(s => s.ConversationId == Chat("29:p03") && s.Card?.ToString().Contains(what, StringComparison.Ordinal) == true, "The consent request reaching Person 3");
        var refusedBefore = host.Connector.Refused;
        host.Connector.RefuseNext(1, 503, only: a => a.ToString().Contains("Person 4 recognised Person 3:", StringComparison.Ordinal));

        await host.SubmitAsync((JObject)ask.Card!["actions"]![0]!["data"]!, "29:p03");

        bool IsCelebration(SentActivity s) => s.ConversationId == TeamsActivities.TeamId && s.Card?.ToString().Contains("Person 4 recognised Person 3:", StringComparison.Ordinal) == true;
        bool IsGiverNote(SentActivity s) => s.ConversationId == Chat("29:p04") && s.Card?.ToString().Contains("shared it with Care Team", StringComparison.Ordinal) == true;
        await host.DeliveredAsync(IsCelebration, "The celebration in the channel after the 503");
        await host.DeliveredAsync(IsGiverNote, "The note to Person 4 that it was shared");
        await host.DeliverAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(refusedBefore + 1, host.Connector.Refused);
        Assert.Single(host.Connector.Sent, IsCelebration);
        Assert.Single(host.Connector.Sent, IsGiverNote);
        var recognition = Assert.Single(await host.Services.GetRequiredService<IRecognitionStore>().ReceivedAsync(Tenant, "29:p03", null, 10, default));
        Assert.Equal(ConsentStatus.Shared, recognition.Status);
        var row = await Outbox.FindAsync(DeliveryRef.Of(RecognitionDelivery.CelebrationRequest(recognition, TeamsActivities.TeamId)), default);
        Assert.Equal(DeliveryState.Sent, row?.State);
        Assert.Equal(2, row?.Attempts);
    }
}
