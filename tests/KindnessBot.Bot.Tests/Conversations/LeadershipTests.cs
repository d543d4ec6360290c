using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Conversations;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Conversations;

/// <summary>Who first added the bot to a team is its first leader, once: removing and re-adding the bot does not take leadership over.</summary>
public class LeadershipTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task Removing_and_adding_the_bot_again_does_not_make_the_new_installer_the_leader()
    {
        await host.PostAsync(host.Activities.BotAddedToTeam("29:lee"));
        await host.PostAsync(host.Activities.BotRemovedFromTeam("29:mallory"));
        await host.PostAsync(host.Activities.BotAddedToTeam("29:mallory"));

        var stored = await host.Services.GetRequiredService<IConversationStore>().FindAsync(host.Activities.TenantId, TeamsActivities.TeamId, default);
        Assert.Equal(("29:lee", false), (stored!.InstalledBy, stored.IsRemoved));

        var attempt = host.Activities.ChannelMessage("give permission", "29:mallory", "Mallory");
        await host.PostAsync(attempt);
        var reply = Assert.Single(host.Connector.Sent, s => s.ReplyToId == (string?)attempt["id"]);
        Assert.Contains("Only a leader of this team can do that", reply.Card!.ToString(), StringComparison.Ordinal);

        var leader = host.Activities.ChannelMessage("give permission", "29:lee", "Lee Lead");
        await host.PostAsync(leader);
        var form = Assert.Single(host.Connector.Sent, s => s.ReplyToId == (string?)leader["id"]);
        Assert.DoesNotContain("Only a leader", form.Card!.ToString(), StringComparison.Ordinal);
    }
}
