using KindnessBot.Core.Conversations;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Leaders;

/// <summary>
/// Defect 3 of issue 13: leadership came from whoever the conversation record named as installer, so removing and
/// re-adding the bot, or anything that wrote that field, handed the team (and its next summary) to someone else.
/// </summary>
public class LeadershipTakeoverTests(LeaderHost host) : IClassFixture<LeaderHost>
{
    [Fact]
    public async Task Whoever_the_conversation_record_names_as_installer_is_not_a_leader()
    {
        // Under the old policy this made Mallory the team's leader.
        var conversations = host.Host.Services.GetRequiredService<IConversationStore>();
        var team = (await conversations.FindAsync(host.Host.Activities.TenantId, TeamsActivities.TeamId, default))!;
        await conversations.SaveAsync(team with { InstalledBy = LeaderHost.Mallory }, default);

        Assert.Contains("Only a leader of this team can do that", await host.AskInChannelAsync("give permission", LeaderHost.Mallory, "Mallory Member"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_and_adding_the_bot_again_by_someone_else_makes_them_no_leader_and_keeps_the_teams_leaders()
    {
        var add = host.Host.Activities.ChannelSubmit(LeaderHost.Add("29:megan"), "29:lee");
        await host.PostAsync(add, "Lee Lead");
        var before = await host.LeaderIdsAsync();
        Assert.Equal(["29:lee", "29:megan"], before);

        await host.Host.PostAsync(host.Host.Activities.BotRemovedFromTeam(LeaderHost.Mallory));
        Assert.Equal(before, await host.LeaderIdsAsync()); // removing the bot erases nobody
        await host.Host.PostAsync(host.Host.Activities.BotAddedToTeam(LeaderHost.Mallory));
        await host.Host.PostAsync(host.Host.Activities.BotAddedToTeam(LeaderHost.Mallory)); // and a retry

        Assert.Equal(before, await host.LeaderIdsAsync());
        var stored = await host.Host.Services.GetRequiredService<IConversationStore>().FindAsync(host.Host.Activities.TenantId, TeamsActivities.TeamId, default);
        Assert.Equal(("29:lee", false), (stored!.InstalledBy, stored.IsRemoved)); // the installer of record stays too, and confers nothing
        Assert.Contains("Only a leader of this team can do that", await host.AskInChannelAsync("give permission", LeaderHost.Mallory, "Mallory Member"), StringComparison.Ordinal);
        Assert.DoesNotContain("Only a leader", await host.AskInChannelAsync("give permission", "29:megan", "Megan Bowen"), StringComparison.Ordinal);
        Assert.DoesNotContain("Only a leader", await host.AskInChannelAsync("give permission", "29:lee", "Lee Lead"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_leaders_adding_different_people_at_once_both_land()
    {
        var add = host.Host.Activities.ChannelSubmit(LeaderHost.Add("29:megan"), "29:lee");
        await host.PostAsync(add, "Lee Lead");

        await Task.WhenAll(
            host.PostAsync(host.Host.Activities.ChannelSubmit(LeaderHost.Add("29:p01"), "29:lee"), "Lee Lead"),
            host.PostAsync(host.Host.Activities.ChannelSubmit(LeaderHost.Add("29:p02"), "29:megan"), "Megan Bowen"),
            host.PostAsync(host.Host.Activities.ChannelSubmit(LeaderHost.Add("29:p03"), "29:lee"), "Lee Lead"));

        Assert.Superset(new HashSet<string>(["29:lee", "29:megan", "29:p01", "29:p02", "29:p03"]), (await host.LeaderIdsAsync()).ToHashSet());
    }
}
