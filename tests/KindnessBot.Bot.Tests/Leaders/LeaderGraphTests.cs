using KindnessBot.Core.Roles;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace KindnessBot.Bot.Tests.Leaders;

/// <summary>With Graph configured (a Moq stand-in): admins from an Entra group, team owners as leaders, and a failing Graph that breaks no turn.</summary>
public class LeaderGraphTests(LeaderGraphTests.GraphHost host) : IClassFixture<LeaderGraphTests.GraphHost>
{
    public const string AdminGroup = "7a1f0000-0000-0000-0000-00000000ad31";
    public const string TeamGroup = "7a1f0000-0000-0000-0000-0000000000e1";

    public sealed class GraphHost : LeaderHost
    {
        public GraphHost()
            : base(new() { ["Leaders:AdminGroupId"] = AdminGroup, ["Leaders:TeamOwnersLead"] = "true" }, services => services.Replace(ServiceDescriptor.Singleton(Directory.Object)))
        {
        }

        /// <summary>Graph, as a stand-in: static because the host's services are listed before the host exists; one host uses it.</summary>
        public static Mock<IDirectoryRoles> Directory { get; } = new();
    }

    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    [Fact]
    public async Task A_member_of_the_admins_Entra_group_reads_the_audit_log_and_someone_outside_it_cannot()
    {
        GraphHost.Directory.Setup(d => d.IsMemberOfGroupAsync(TeamsActivities.AadObjectId("29:p07"), AdminGroup, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        GraphHost.Directory.Setup(d => d.IsMemberOfGroupAsync(TeamsActivities.AadObjectId("29:p08"), AdminGroup, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        await host.Host.PostAsync(host.Host.Activities.PersonalMessage("audit", "29:p07", "Person 7"));
        await host.Host.PostAsync(host.Host.Activities.PersonalMessage("audit", "29:p08", "Person 8"));

        Assert.Contains("Leader and admin actions, newest first.", host.Host.LastIn(Chat("29:p07"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains("The audit log is for admins", host.Host.LastIn(Chat("29:p08"))!.Card!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_owner_leads_the_team_in_its_channel()
    {
        GraphHost.Directory.Setup(d => d.TeamOwnersAsync(TeamGroup, It.IsAny<CancellationToken>())).ReturnsAsync([TeamsActivities.AadObjectId("29:p09")]);
        GraphHost.Directory.Setup(d => d.IsMemberOfGroupAsync(It.IsAny<string>(), AdminGroup, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var owner = host.Host.Activities.ChannelMessage("give permission", "29:p09", "Person 9");
        owner["channelData"]!["team"]!["aadGroupId"] = TeamGroup;
        await host.Host.PostAsync(owner);
        var member = host.Host.Activities.ChannelMessage("give permission", "29:p10", "Person 10");
        member["channelData"]!["team"]!["aadGroupId"] = TeamGroup;
        await host.Host.PostAsync(member);

        Assert.DoesNotContain("Only a leader", host.ReplyTo(owner).Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Only a leader of this team can do that", host.ReplyTo(member).Card!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_Graph_does_not_break_the_turn_and_counts_as_no()
    {
        GraphHost.Directory.Setup(d => d.IsMemberOfGroupAsync(TeamsActivities.AadObjectId("29:p11"), AdminGroup, It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("503"));
        GraphHost.Directory.Setup(d => d.TeamOwnersAsync("7a1f0000-0000-0000-0000-0000000000f2", It.IsAny<CancellationToken>())).ThrowsAsync(new TaskCanceledException("timed out"));

        var audit = host.Host.Activities.PersonalMessage("audit", "29:p11", "Person 11");
        var auditResponse = await host.Host.PostAsync(audit);
        var permission = host.Host.Activities.ChannelMessage("give permission", "29:p11", "Person 11");
        permission["channelData"]!["team"]!["aadGroupId"] = "7a1f0000-0000-0000-0000-0000000000f2";
        var permissionResponse = await host.Host.PostAsync(permission);

        Assert.True(auditResponse.IsSuccessStatusCode && permissionResponse.IsSuccessStatusCode);
        Assert.Contains("The audit log is for admins", host.ReplyTo(audit).Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Only a leader of this team can do that", host.ReplyTo(permission).Card!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Host.Connector.Sent, s => s.Activity.ToString().Contains("went wrong", StringComparison.Ordinal));
    }

    [Fact]
    public void Graph_addresses_in_traces_name_no_person_and_no_group()
    {
        var aad = TeamsActivities.AadObjectId("29:p07");

        Assert.Equal("https://graph.microsoft.com/v1.0/users/{id}/checkMemberGroups", Bot.Hosting.TelemetryRedaction.Redact($"https://graph.microsoft.com/v1.0/users/{aad}/checkMemberGroups"));
        Assert.Equal("https://graph.microsoft.com/v1.0/groups/{id}/owners", Bot.Hosting.TelemetryRedaction.Redact($"https://graph.microsoft.com/v1.0/groups/{TeamGroup}/owners?$select=id"));
    }
}
