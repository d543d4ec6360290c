using KindnessBot.Core.Audit;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;
using Microsoft.Extensions.Logging;
using Moq;

namespace KindnessBot.Core.Tests.Roles;

/// <summary>The one authorisation check: admins, stored leaders, team owners through Graph, never guests, never the installer of record.</summary>
public class AuthorisationTests : RolesWorld
{
    [Fact]
    public async Task A_stored_leader_leads_their_team_and_a_member_does_not()
    {
        await Store.TryFoundAsync(Tenant, Team.ScopeId, AsLeader(Lee), default);

        Assert.True(await Check().IsLeaderAsync(Team, Lee, default));
        Assert.False(await Check().IsLeaderAsync(Team, Alex, default));
        Assert.False(await Check().IsLeaderAsync(Team with { TeamId = "19:other-team", ConversationId = "19:other-team" }, Lee, default));
    }

    [Fact]
    public async Task Whoever_the_conversation_record_names_as_installer_leads_nothing()
    {
        // The old policy made the installer of record the leader: any write of that field handed leadership over.
        var installedByMallory = Team with { InstalledBy = "29:mallory" };
        await new TableConversationStore(Account).SaveAsync(installedByMallory, default);

        Assert.False(await Check().IsLeaderAsync(installedByMallory, new Person("29:mallory", null, "Mallory", Tenant), default));
    }

    [Fact]
    public async Task A_configured_admin_leads_every_team_by_Teams_id_or_Entra_object_id()
    {
        var check = Check(Options(o => o.Admins.Add("AAD-MEGAN")));

        Assert.True(await check.IsAdminAsync(Megan, default));
        Assert.True(await check.IsLeaderAsync(Team, Megan, default));
        Assert.False(await check.IsAdminAsync(Alex, default));
    }

    [Fact]
    public async Task A_guest_never_leads_even_when_stored_as_a_leader_or_configured_as_an_admin()
    {
        await Store.TryFoundAsync(Tenant, Team.ScopeId, AsLeader(Gus), default);
        var check = Check(Options(o => o.Admins.Add(Gus.TeamsId)));

        Assert.False(await check.IsLeaderAsync(Team, Gus, default));
        Assert.False(await check.IsLeaderAsync(Team, Gus with { IsGuest = true }, default));
        Assert.DoesNotContain(await check.LeadersOfAsync(Team, default), p => p.TeamsId == Gus.TeamsId);
    }

    [Fact]
    public async Task A_member_of_the_admins_Entra_group_is_an_admin_and_the_answer_is_kept_for_five_minutes()
    {
        Directory.Setup(d => d.IsMemberOfGroupAsync("aad-megan", "group-admins", It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Directory.Setup(d => d.IsMemberOfGroupAsync("aad-alex", "group-admins", It.IsAny<CancellationToken>())).ReturnsAsync(false);
        var check = Check(Options(o => o.AdminGroupId = "group-admins"));

        Assert.True(await check.IsAdminAsync(Megan, default));
        Assert.True(await check.IsLeaderAsync(Team, Megan, default));
        Assert.False(await check.IsAdminAsync(Alex, default));
        Directory.Verify(d => d.IsMemberOfGroupAsync("aad-megan", "group-admins", It.IsAny<CancellationToken>()), Times.Once());

        Time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await check.IsAdminAsync(Megan, default));
        Directory.Verify(d => d.IsMemberOfGroupAsync("aad-megan", "group-admins", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_team_owner_leads_their_team_when_owners_lead_and_receives_its_summaries()
    {
        Directory.Setup(d => d.TeamOwnersAsync("group-team", It.IsAny<CancellationToken>())).ReturnsAsync(["AAD-ALEX"]);
        var check = Check(Options(o => o.TeamOwnersLead = true));

        Assert.True(await check.IsLeaderAsync(Team, Alex, default));
        Assert.False(await check.IsLeaderAsync(Team, Megan, default));
        Assert.Equal([Alex.TeamsId], (await check.LeadersOfAsync(Team, default)).Select(p => p.TeamsId));
        Assert.False(await Check().IsLeaderAsync(Team, Alex, default)); // owners lead only when configured
    }

    [Fact]
    public async Task Without_Graph_settings_the_directory_is_never_asked()
    {
        await Store.TryFoundAsync(Tenant, Team.ScopeId, AsLeader(Lee), default);
        var check = Check();

        await check.IsAdminAsync(Megan, default);
        await check.IsLeaderAsync(Team, Alex, default);
        await check.LeadersOfAsync(Team, default);

        Directory.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_Graph_failure_counts_as_no_is_logged_without_ids_and_is_not_asked_again_for_a_minute()
    {
        Directory.Setup(d => d.IsMemberOfGroupAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("Graph said 503 for aad-megan"));
        Directory.Setup(d => d.TeamOwnersAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("Graph said 429"));
        var check = Check(Options(o => (o.AdminGroupId, o.TeamOwnersLead) = ("group-admins", true)));

        Assert.False(await check.IsAdminAsync(Megan, default));
        Assert.False(await check.IsLeaderAsync(Team, Megan, default));
        Assert.Empty(await check.LeadersOfAsync(Team, default));
        Directory.Verify(d => d.IsMemberOfGroupAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once());

        var warnings = Log.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.DoesNotContain("aad-", w.Message + w.Exception, StringComparison.OrdinalIgnoreCase));

        Time.Advance(TimeSpan.FromMinutes(2));
        await check.IsAdminAsync(Megan, default);
        Directory.Verify(d => d.IsMemberOfGroupAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task The_first_installer_becomes_the_first_leader_once_and_the_founding_is_audited()
    {
        var audit = new Mock<IAuditLog>();
        var service = Service(audit: audit.Object);

        await service.FoundAsync(Team, Lee, default);
        await service.FoundAsync(Team, Alex, default); // a reinstall by someone else
        await service.FoundAsync(Team, Lee, default); // a retry

        Assert.Equal([Lee.TeamsId], (await service.LeadersAsync(Team, default)).Select(l => l.TeamsId));
        audit.Verify(a => a.RecordAsync(It.Is<AuditEntry>(e => e.Action == AuditAction.LeaderFounded && e.ActorId == Lee.TeamsId && e.ScopeId == Team.ScopeId), It.IsAny<CancellationToken>()), Times.Once());
        audit.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_guest_who_installs_the_bot_founds_the_team_with_no_leader()
    {
        await Service().FoundAsync(Team, Gus, default);
        await Service().FoundAsync(Team, Lee, default);

        Assert.Empty(await Service().LeadersAsync(Team, default));
    }

    [Fact]
    public async Task Leaders_add_and_remove_members_each_change_audited_and_a_guest_or_a_stranger_cannot_be_added()
    {
        var audit = new Mock<IAuditLog>();
        var service = Service(audit: audit.Object);
        await service.FoundAsync(Team, Lee, default);

        Assert.Equal(LeaderChange.Added, (await service.AddAsync(Team, Lee, Megan.TeamsId, default)).Outcome);
        Assert.Equal(LeaderChange.AlreadySo, (await service.AddAsync(Team, Megan, Megan.TeamsId, default)).Outcome);
        Assert.Equal(LeaderChange.NotEligible, (await service.AddAsync(Team, Lee, Gus.TeamsId, default)).Outcome);
        Assert.Equal(LeaderChange.NotEligible, (await service.AddAsync(Team, Lee, "29:stranger", default)).Outcome);
        Assert.Equal(LeaderChange.NotALeader, (await service.AddAsync(Team, Alex, Alex.TeamsId, default)).Outcome);
        Assert.Equal(LeaderChange.NotALeader, (await service.RemoveAsync(Team, Alex, Lee.TeamsId, default)).Outcome);
        Assert.Equal(LeaderChange.Removed, (await service.RemoveAsync(Team, Megan, Lee.TeamsId, default)).Outcome);
        Assert.Equal(LeaderChange.LastLeader, (await service.RemoveAsync(Team, Megan, Megan.TeamsId, default)).Outcome);

        Assert.Equal([Megan.TeamsId], (await service.LeadersAsync(Team, default)).Select(l => l.TeamsId));
        audit.Verify(a => a.RecordAsync(It.Is<AuditEntry>(e => e.Action == AuditAction.LeaderAdded && e.ActorId == Lee.TeamsId && e.Subject == Megan.Name), It.IsAny<CancellationToken>()), Times.Once());
        audit.Verify(a => a.RecordAsync(It.Is<AuditEntry>(e => e.Action == AuditAction.LeaderRemoved && e.ActorId == Megan.TeamsId && e.Subject == Lee.Name), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task An_admin_may_remove_a_teams_last_leader()
    {
        var service = Service(Check(Options(o => o.Admins.Add("29:admin"))));
        await service.FoundAsync(Team, Lee, default);

        Assert.Equal(LeaderChange.Removed, (await service.RemoveAsync(Team, new Person("29:admin", null, "Ada Admin", Tenant), Lee.TeamsId, default)).Outcome);
        Assert.Empty(await service.LeadersAsync(Team, default));
    }
}
