using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Conversations;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Conversations;

/// <summary>Installs, removals and renames over HTTP, as Teams sends them, into real Table Storage.</summary>
public class ConversationCaptureTests(BotHost host) : IClassFixture<BotHost>
{
    private IConversationStore Store => host.Services.GetRequiredService<IConversationStore>();

    private string Tenant => host.Activities.TenantId;

    [Fact]
    public async Task Adding_the_bot_in_personal_chat_sends_one_welcome_and_remembers_the_chat()
    {
        var added = host.Activities.BotAddedToPersonal("29:newcomer");

        await host.PostAsync(added);
        await host.PostAsync(added); // Teams retries
        await host.PostAsync(host.Activities.InstallationUpdate("add", host.Activities.Personal("29:newcomer"), "29:newcomer"));

        var welcomes = host.Connector.Sent.Where(s => s.ConversationId == TeamsActivities.PersonalConversationId("29:newcomer")).ToList();
        Assert.Equal("Hello, I'm KindnessBot", Assert.Single(welcomes).CardTitle);
        Assert.Contains("Just type to me here", welcomes[0].Card!.ToString(), StringComparison.Ordinal);
        var stored = await Store.FindPersonalAsync(Tenant, "29:newcomer", default);
        Assert.Equal((ConversationKind.Personal, host.Connector.ServiceUrl.ToString(), "29:newcomer", false), (stored!.Kind, stored.ServiceUrl, stored.InstalledBy, stored.IsRemoved));
    }

    [Fact]
    public async Task Adding_the_bot_to_a_team_welcomes_the_team_and_remembers_the_channel_without_a_message_id()
    {
        await host.PostAsync(host.Activities.BotAddedToTeam("29:lead"));

        var welcome = Assert.Single(host.Connector.Sent, s => s.ConversationId.StartsWith(TeamsActivities.TeamId, StringComparison.Ordinal) && s.CardTitle == "Hello, I'm KindnessBot");
        Assert.Contains("Thank you for adding me to this team", welcome.Card!.ToString(), StringComparison.Ordinal);
        var stored = await Store.FindAsync(Tenant, TeamsActivities.TeamId, default);
        Assert.Equal((ConversationKind.Channel, TeamsActivities.TeamId, TeamsActivities.TeamName, "29:lead"), (stored!.Kind, stored.TeamId, stored.TeamName, stored.InstalledBy));
    }

    [Fact]
    public async Task Removing_the_bot_marks_the_personal_chat_removed_and_adding_it_again_welcomes_again()
    {
        await host.PostAsync(host.Activities.BotAddedToPersonal("29:leaver"));
        await host.PostAsync(host.Activities.InstallationUpdate("remove", host.Activities.Personal("29:leaver"), "29:leaver"));

        Assert.True((await Store.FindPersonalAsync(Tenant, "29:leaver", default))!.IsRemoved);

        await host.PostAsync(host.Activities.BotAddedToPersonal("29:leaver"));
        Assert.False((await Store.FindPersonalAsync(Tenant, "29:leaver", default))!.IsRemoved);
        Assert.Equal(2, host.Connector.Sent.Count(s => s.ConversationId == TeamsActivities.PersonalConversationId("29:leaver")));
    }

    [Fact]
    public async Task Team_and_channel_renames_are_followed()
    {
        await host.PostAsync(host.Activities.BotAddedToTeam());
        await host.PostAsync(host.Activities.ChannelEvent("channelCreated", TeamsActivities.OtherChannelId, "Announcements"));

        await host.PostAsync(host.Activities.TeamRenamed("Kindness Crew"));
        await host.PostAsync(host.Activities.ChannelEvent("channelRenamed", TeamsActivities.OtherChannelId, "News", teamName: "Kindness Crew"));

        var channels = await Store.ListTeamAsync(Tenant, TeamsActivities.TeamId, default);
        Assert.All(channels, c => Assert.Equal("Kindness Crew", c.TeamName));
        Assert.Equal("News", channels.Single(c => c.ConversationId == TeamsActivities.OtherChannelId).TeamsChannelName);
    }

    [Fact]
    public async Task A_group_chat_is_remembered_from_its_install_and_not_from_a_message_alone()
    {
        var tenant = new TeamsActivities(host.Connector.ServiceUrl, tenantId: Guid.NewGuid().ToString());
        await host.PostAsync(tenant.GroupMessage("help"));
        var beforeInstall = await Store.FindAsync(tenant.TenantId, TeamsActivities.GroupChatId, default);

        await host.PostAsync(tenant.BotAddedToGroupChat());
        await host.PostAsync(tenant.GroupMessage("help"));

        Assert.Null(beforeInstall);
        Assert.Equal(ConversationKind.GroupChat, (await Store.FindAsync(tenant.TenantId, TeamsActivities.GroupChatId, default))!.Kind);
    }

    [Fact]
    public async Task A_message_in_a_team_the_bot_was_never_added_to_records_no_team()
    {
        var tenant = new TeamsActivities(host.Connector.ServiceUrl, tenantId: Guid.NewGuid().ToString());

        await host.PostAsync(tenant.ChannelMessage("help"));

        Assert.Empty(await Store.ListTeamsAsync(tenant.TenantId, default));
        Assert.Null(await Store.FindAsync(tenant.TenantId, TeamsActivities.TeamId, default));
    }

    [Fact]
    public async Task The_same_conversation_in_another_tenant_is_kept_apart()
    {
        var otherTenant = new TeamsActivities(host.Connector.ServiceUrl, tenantId: Guid.NewGuid().ToString());
        await host.PostAsync(otherTenant.BotAddedToPersonal("29:twin"));

        Assert.NotNull(await Store.FindPersonalAsync(otherTenant.TenantId, "29:twin", default));
        Assert.Null(await Store.FindPersonalAsync(Tenant, "29:twin", default));
    }

    internal static JObject WithoutField(JObject activity, string field)
    {
        activity.Remove(field);
        return activity;
    }
}
