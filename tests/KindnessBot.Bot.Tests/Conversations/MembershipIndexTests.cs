using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.People;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Conversations;

/// <summary>
/// A person's teams come from the membership index that Teams' membership events keep, over HTTP into real tables:
/// the roster the fake connector serves stays as it was, so only the index can explain what each test sees.
/// </summary>
public class MembershipIndexTests(TeamHost host) : IClassFixture<TeamHost>
{
    private PersonScopes Scopes => host.Services.GetRequiredService<PersonScopes>();

    [Fact]
    public async Task Someone_who_joins_the_team_after_its_roster_was_read_finds_the_team_among_theirs()
    {
        await TeamsOfAsync("29:alex"); // the roster is read and indexed
        Assert.Empty(await TeamsOfAsync("29:joiner"));

        await host.PostAsync(host.Activities.TeamMembersChanged(added: true, "29:joiner"));

        Assert.Equal(TeamsActivities.TeamId, Assert.Single(await TeamsOfAsync("29:joiner")).ScopeId);
    }

    [Fact]
    public async Task Someone_who_leaves_the_team_no_longer_finds_it_though_the_roster_read_earlier_listed_them()
    {
        Assert.Single(await TeamsOfAsync("29:p12"));

        await host.PostAsync(host.Activities.TeamMembersChanged(added: false, "29:p12"));

        Assert.Empty(await TeamsOfAsync("29:p12"));
        Assert.Single(await TeamsOfAsync("29:p11"));
    }

    [Fact]
    public async Task A_membership_event_that_names_only_the_bot_changes_no_one_s_teams()
    {
        var before = await TeamsOfAsync("29:p10");

        await host.PostAsync(host.Activities.BotAddedToTeam("29:lee")); // Teams repeats the install

        Assert.Equal(before.Select(t => t.ScopeId), (await TeamsOfAsync("29:p10")).Select(t => t.ScopeId));
    }

    private Task<IReadOnlyList<Core.Conversations.ConversationRecord>> TeamsOfAsync(string id) =>
        Scopes.TeamsOfAsync(new Person(id, null, id, host.Activities.TenantId), host.Activities.TenantId, CancellationToken.None);
}
