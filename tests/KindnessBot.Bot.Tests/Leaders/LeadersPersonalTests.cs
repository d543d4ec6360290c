using KindnessBot.Testing;

namespace KindnessBot.Bot.Tests.Leaders;

/// <summary>`leaders` in personal chat: a card per team the person leads; every team for an admin, who may act on any of them.</summary>
public class LeadersPersonalTests(LeaderHost host) : IClassFixture<LeaderHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    [Fact]
    public async Task A_leader_sees_the_teams_they_lead_a_member_is_told_kindly_and_an_admin_acts_on_any_team()
    {
        await host.Host.PostAsync(host.Host.Activities.PersonalMessage("leaders", "29:lee", "Lee Lead"));
        var lees = host.Host.LastIn(Chat("29:lee"))!.Card!.ToString();
        Assert.Contains("Care Team", lees, StringComparison.Ordinal);
        Assert.Contains("leaders-remove", lees, StringComparison.Ordinal);

        await host.Host.PostAsync(host.Host.Activities.PersonalMessage("leaders", "29:alex", "Alex Wilber"));
        Assert.Contains("You don't lead any of the teams I'm in yet.", host.Host.LastIn(Chat("29:alex"))!.Card!.ToString(), StringComparison.Ordinal);

        // The admin is not in the team, yet sees it with its buttons, and may remove even its last leader.
        await host.Host.PostAsync(host.Host.Activities.PersonalMessage("leaders", "29:admin", "Ada Admin"));
        Assert.Contains("leaders-remove", host.Host.LastIn(Chat("29:admin"))!.Card!.ToString(), StringComparison.Ordinal);
        await host.PostAsync(host.Host.Activities.PersonalSubmit(LeaderHost.Add("29:megan"), "29:admin"), "Ada Admin");
        await host.PostAsync(host.Host.Activities.PersonalSubmit(LeaderHost.Remove("29:lee"), "29:admin"), "Ada Admin");
        await host.PostAsync(host.Host.Activities.PersonalSubmit(LeaderHost.Remove("29:megan"), "29:admin"), "Ada Admin");
        Assert.Empty(await host.LeaderIdsAsync());

        // A member's forged submit from personal chat, naming the team, changes nothing.
        await host.PostAsync(host.Host.Activities.PersonalSubmit(LeaderHost.Add("29:alex"), "29:alex"), "Alex Wilber");
        Assert.Contains("Nothing has changed.", host.Host.LastIn(Chat("29:alex"))!.Card!.ToString(), StringComparison.Ordinal);
        await host.PostAsync(host.Host.Activities.PersonalSubmit(LeaderHost.Add("29:lee"), "29:admin"), "Ada Admin");
        Assert.Equal(["29:lee"], await host.LeaderIdsAsync());
    }
}
