using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Leaders;

/// <summary>The leaders card in a team channel: a leader adds and removes leaders; everyone else sees the names only.</summary>
public class LeadersCardTests(LeaderHost host) : IClassFixture<LeaderHost>
{
    private static IReadOnlyList<string> Choices(SentActivity card) =>
        [.. card.Card!["body"]!.Where(e => (string?)e["id"] == "person").SelectMany(e => e["choices"]!).Select(c => (string)c["value"]!)];

    [Fact]
    public async Task A_leader_adds_a_member_from_the_card_then_removes_them_and_both_changes_are_in_the_audit_log()
    {
        var ask = host.Host.Activities.ChannelMessage("leaders", "29:lee", "Lee Lead");
        await host.Host.PostAsync(ask);
        var card = host.ReplyTo(ask);
        Assert.Equal("Team leaders", card.CardTitle);
        Assert.Contains("Lee Lead", card.Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains("29:megan", Choices(card));
        Assert.DoesNotContain("29:lee", Choices(card)); // already leads
        Assert.DoesNotContain(LeaderHost.Guest, Choices(card)); // guests never lead
        Assert.DoesNotContain(LeaderHost.Outsider, Choices(card)); // another tenant's member

        // The Add button's data merged with the choice, as Teams sends it.
        var add = (JObject)card.Card!["actions"]!.Single(a => (string?)a["title"] == "Add")["data"]!;
        add["person"] = "29:megan";
        var press = host.Host.Activities.ChannelSubmit(add, "29:lee");
        await host.PostAsync(press, "Lee Lead");
        Assert.Contains("Megan Bowen now leads this team.", host.ReplyTo(press).Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(["29:lee", "29:megan"], await host.LeaderIdsAsync());

        var again = host.Host.Activities.ChannelSubmit(add, "29:lee");
        await host.PostAsync(again, "Lee Lead");
        Assert.Contains("Megan Bowen already leads this team, so nothing needed changing.", host.ReplyTo(again).Card!.ToString(), StringComparison.Ordinal);

        var remove = host.Host.Activities.ChannelSubmit(LeaderHost.Remove("29:megan"), "29:lee");
        await host.PostAsync(remove, "Lee Lead");
        Assert.Contains("Megan Bowen no longer leads this team.", host.ReplyTo(remove).Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(["29:lee"], await host.LeaderIdsAsync());

        await host.Host.PostAsync(host.Host.Activities.PersonalMessage("audit", "29:admin", "Ada Admin"));
        var log = host.Host.LastIn(TeamsActivities.PersonalConversationId("29:admin"))!.Card!.ToString();
        Assert.Contains("Lee Lead · removed Megan Bowen as a leader", log, StringComparison.Ordinal);
        Assert.Contains("Lee Lead · made Megan Bowen a leader", log, StringComparison.Ordinal);
        Assert.Contains("Lee Lead · added me to the team and became its first leader", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_does_not_lead_sees_the_names_without_buttons_and_their_submits_change_nothing()
    {
        var before = (await host.RowAsync())!.ETag;
        var ask = host.Host.Activities.ChannelMessage("leaders", "29:alex", "Alex Wilber");
        await host.Host.PostAsync(ask);
        var card = host.ReplyTo(ask);
        Assert.Contains("Lee Lead", card.Card!.ToString(), StringComparison.Ordinal);
        Assert.Null(card.Card!["actions"]);
        Assert.DoesNotContain("leaders-remove", card.Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Only a leader of this team, or an admin, can change who leads it.", card.Card!.ToString(), StringComparison.Ordinal);

        foreach (var forged in new[] { LeaderHost.Add("29:alex"), LeaderHost.Remove("29:lee") })
        {
            var press = host.Host.Activities.ChannelSubmit(forged, "29:alex");
            await host.PostAsync(press, "Alex Wilber");
            Assert.Contains("Nothing has changed.", host.ReplyTo(press).Card!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, (await host.RowAsync())!.ETag);
    }

    [Fact]
    public async Task A_leader_cannot_remove_the_teams_last_leader_and_is_told_why()
    {
        var press = host.Host.Activities.ChannelSubmit(LeaderHost.Remove("29:lee"), "29:lee");
        await host.PostAsync(press, "Lee Lead");

        Assert.Contains("Lee Lead is this team's only leader, and a team needs at least one.", host.ReplyTo(press).Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains("29:lee", await host.LeaderIdsAsync());
    }

    [Fact]
    public async Task A_guest_is_never_a_leader_even_when_configured_as_an_admin_or_added_by_a_leader()
    {
        var before = (await host.RowAsync())!.ETag;
        Assert.Contains("Only a leader of this team can do that", await host.AskInChannelAsync("give permission", LeaderHost.Guest, "Gus Guest"), StringComparison.Ordinal);

        var add = host.Host.Activities.ChannelSubmit(LeaderHost.Add(LeaderHost.Guest), "29:lee");
        await host.PostAsync(add, "Lee Lead");
        Assert.Contains("not a guest", host.ReplyTo(add).Card!.ToString(), StringComparison.Ordinal);

        var byGuest = host.Host.Activities.ChannelSubmit(LeaderHost.Add(LeaderHost.Guest), LeaderHost.Guest);
        await host.PostAsync(byGuest, "Gus Guest");
        Assert.Contains("Nothing has changed.", host.ReplyTo(byGuest).Card!.ToString(), StringComparison.Ordinal);

        Assert.Equal(before, (await host.RowAsync())!.ETag);
        Assert.DoesNotContain(LeaderHost.Guest, await host.LeaderIdsAsync());
    }

    [Fact]
    public async Task A_member_of_another_tenant_or_someone_not_in_the_team_cannot_be_made_a_leader()
    {
        var before = (await host.RowAsync())!.ETag;
        foreach (var forged in new[] { LeaderHost.Outsider, "29:not-in-the-team", "29:alex\u200b" })
        {
            var press = host.Host.Activities.ChannelSubmit(LeaderHost.Add(forged), "29:lee");
            await host.PostAsync(press, "Lee Lead");
            Assert.Contains("Nothing has changed.", host.ReplyTo(press).Card!.ToString(), StringComparison.Ordinal);
        }

        var otherTeam = host.Host.Activities.ChannelSubmit(LeaderHost.Add("29:megan", "19:another-team@thread.tacv2"), "29:lee");
        await host.PostAsync(otherTeam, "Lee Lead");
        Assert.Contains("Nothing has changed.", host.ReplyTo(otherTeam).Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, (await host.RowAsync())!.ETag);
    }
}
