using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;

namespace KindnessBot.Bot.Tests.Delivery;

/// <summary>"delivery status" for admins: counts per kind and state, the oldest waiting, recent failures with reasons; never message text or who.</summary>
public class DeliveryStatusTests(TeamHost host) : IClassFixture<TeamHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    [Fact]
    public async Task An_admin_sees_counts_per_kind_and_state_the_oldest_waiting_and_recent_failures_with_reasons_but_no_message_text_or_person()
    {
        string[] whats = ["Brought in cakes for the whole ward.", "Rewrote the rota so I could study.", "Phoned my mum when I could not."];

        // Sent: Person 1's consent request. Failed: Person 2's (403, they uninstalled). Waiting: Person 3's (429, retry in an hour). Parked: Sam's.
        await host.SubmitAsync(TeamHost.Give("29:p01", what: whats[0]), "29:p10");
        await host.DeliveredAsync(s => s.ConversationId == Chat("29:p01") && s.Card?.ToString().Contains(whats[0], StringComparison.Ordinal) == true, "Person 1's consent request");
        host.Connector.RefuseNext(1, 403, only: a => a.ToString().Contains(whats[1], StringComparison.Ordinal));
        await host.SubmitAsync(TeamHost.Give("29:p02", what: whats[1]), "29:p10");
        await Within.UntilAsync(TimeSpan.FromSeconds(15), () => host.Connector.Refused == 1, "Teams refusing Person 2's consent request");
        host.Connector.RefuseNext(1, 429, retryAfter: "3600", only: a => a.ToString().Contains(whats[2], StringComparison.Ordinal));
        await host.SubmitAsync(TeamHost.Give("29:p03", what: whats[2]), "29:p10");
        await Within.UntilAsync(TimeSpan.FromSeconds(15), () => host.Connector.Refused == 2, "Teams refusing Person 3's consent request");
        await host.SubmitAsync(TeamHost.Give("29:sam", what: "Held the door."), "29:p11");

        string status = "";
        await Within.UntilAsync(TimeSpan.FromSeconds(15), async () =>
        {
            await host.PostAsync(host.Activities.PersonalMessage("delivery status", "29:admin", "The Admin"));
            status = host.LastIn(Chat("29:admin"))!.Card!.ToString();
            return status.Contains("recognition.consent: 1 waiting, 0 sending, 1 waiting for a first chat; in 7 days 1 sent, 0 dropped, 1 failed", StringComparison.Ordinal);
        }, "The status showing one consent request in each state", TimeSpan.FromMilliseconds(300));

        Assert.Contains("Delivery status", status, StringComparison.Ordinal);
        Assert.Matches(@"The oldest waiting has waited \d+ minutes \(Teams answered 429", status);
        Assert.Matches(@"Failed: recognition\.consent at \d{1,2} \w{3} \d\d:\d\d UTC: Teams answered 403", status);
        foreach (var text in whats.Append("Held the door."))
        {
            Assert.DoesNotContain(text, status, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("29:", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Person ", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_asking_for_delivery_status_is_refused_kindly_and_sees_no_counts()
    {
        await host.PostAsync(host.Activities.PersonalMessage("delivery status", "29:p05", "Person 5"));

        var card = host.LastIn(Chat("29:p05"))!.Card!.ToString();
        Assert.Contains("Only KindnessBot's admins can see what is waiting to be delivered.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting,", card, StringComparison.Ordinal);
    }
}
