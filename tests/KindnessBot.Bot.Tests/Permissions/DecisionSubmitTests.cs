using System.Net;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>"Record it" on the decision form over HTTP: a double click or a Teams retry records one decision.</summary>
public class DecisionSubmitTests(TeamHost host) : IClassFixture<TeamHost>
{
    private const string Channel = PermissionTurns.Channel;

    [Fact]
    public async Task A_double_click_on_Record_it_records_one_decision_counts_one_use_and_says_it_is_already_recorded()
    {
        var (statement, _) = await host.PostStatementAsync("You can pause a queue to help someone who is lost");
        var submit = PermissionTurns.Decision(statement.Key, "Paused the queue for a lost visitor", share: true);

        await host.SubmitAsync(submit, "29:p08");
        var again = await Within.Async(TimeSpan.FromSeconds(60), Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.SubmitAsync(submit, "29:p08"))), "Four resubmits of the decision card");

        Assert.All(again, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await host.Store().DecisionsAsync(host.Activities.TenantId, Channel, default), d => d.Decided == "Paused the queue for a lost visitor");
        Assert.Equal(1, (await host.Store().FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!.UsedCount);
        await host.DeliveredAsync(s => s.ConversationId == Channel && s.CardTitle == "A kindness story" && s.Card!.ToString().Contains("Paused the queue", StringComparison.Ordinal), "The story posted in the channel");
        await host.DeliverAsync(); // anything else on its way (there should be nothing) arrives before counting
        Assert.Single(host.SentTo(Channel), s => s.CardTitle == "A kindness story" && s.Card!.ToString().Contains("Paused the queue", StringComparison.Ordinal));
        var replies = host.SentTo(PermissionTurns.Chat("29:p08")).Select(s => s.Card!.ToString()).ToList();
        Assert.Single(replies, r => r.Contains("shared with your team as a story", StringComparison.Ordinal));
        Assert.Equal(4, replies.Count(r => r.Contains("I've already recorded this decision", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_decision_card_without_a_proper_card_id_gets_the_kind_reply_and_records_nothing()
    {
        var submit = PermissionTurns.Decision(null, "Stayed late with a worried parent");
        submit["cardId"] = "../../not-a-card";

        await host.SubmitAsync(submit, "29:p09");

        Assert.Equal("I couldn't use that card", host.LastIn(PermissionTurns.Chat("29:p09"))!.CardTitle);
        Assert.DoesNotContain(await host.Store().DecisionsAsync(host.Activities.TenantId, Channel, default), d => d.Decided == "Stayed late with a worried parent");
    }
}
