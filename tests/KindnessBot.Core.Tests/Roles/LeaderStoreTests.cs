using Azure.Data.Tables;
using KindnessBot.Core.Roles;

namespace KindnessBot.Core.Tests.Roles;

/// <summary>The leaders table: founded once by a conditional insert, every change under the row's ETag.</summary>
public class LeaderStoreTests : RolesWorld
{
    [Fact]
    public async Task A_team_is_founded_once_and_no_later_install_or_retry_founds_it_again()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.TryFoundAsync(Tenant, "19:team", AsLeader(i == 0 ? Lee : Alex), default)));

        Assert.Equal(1, attempts.Count(founded => founded));
        var leaders = (await Store.FindAsync(Tenant, "19:team", default))!;
        Assert.Single(leaders.Leaders);
        Assert.False(await Store.TryFoundAsync(Tenant, "19:team", AsLeader(Megan), default));
        Assert.Equal(leaders.Leaders, (await Store.FindAsync(Tenant, "19:team", default))!.Leaders);
    }

    [Fact]
    public async Task Twelve_concurrent_adds_all_land()
    {
        await Store.TryFoundAsync(Tenant, "19:team", AsLeader(Lee), default);
        var people = Enumerable.Range(0, TableLeaderStore.MaxLeaders - 1).Select(i => Alex with { TeamsId = $"29:p{i}", Name = $"Person {i}" }).ToList();

        var outcomes = await Task.WhenAll(people.Select(p => Store.AddAsync(Tenant, "19:team", AsLeader(p), default)));

        Assert.All(outcomes, o => Assert.Equal(LeaderChange.Added, o));
        Assert.Equal(TableLeaderStore.MaxLeaders, (await Store.FindAsync(Tenant, "19:team", default))!.Leaders.Count);
        Assert.Equal(LeaderChange.Full, await Store.AddAsync(Tenant, "19:team", AsLeader(Megan), default));
    }

    [Fact]
    public async Task Two_leaders_removing_each_other_at_once_cannot_leave_the_team_without_a_leader()
    {
        await Store.TryFoundAsync(Tenant, "19:team", AsLeader(Lee), default);
        await Store.AddAsync(Tenant, "19:team", AsLeader(Megan), default);

        var outcomes = await Task.WhenAll(Store.RemoveAsync(Tenant, "19:team", Lee.TeamsId, false, default), Store.RemoveAsync(Tenant, "19:team", Megan.TeamsId, false, default));

        Assert.Equal([LeaderChange.Removed, LeaderChange.LastLeader], outcomes.Order());
        Assert.Single((await Store.FindAsync(Tenant, "19:team", default))!.Leaders);
    }

    [Fact]
    public async Task Adding_a_leader_again_or_removing_someone_who_does_not_lead_writes_nothing()
    {
        await Store.TryFoundAsync(Tenant, "19:team", AsLeader(Lee), default);
        var table = Account.Table(RoleStorage.TableName);
        var before = (await table.GetEntityAsync<TableEntity>(Tenant, "team|19:team")).Value.ETag;

        Assert.Equal(LeaderChange.AlreadySo, await Store.AddAsync(Tenant, "19:team", AsLeader(Lee), default));
        Assert.Equal(LeaderChange.AlreadySo, await Store.RemoveAsync(Tenant, "19:team", Alex.TeamsId, true, default));

        Assert.Equal(before, (await table.GetEntityAsync<TableEntity>(Tenant, "team|19:team")).Value.ETag);
    }

    [Fact]
    public async Task Removing_the_last_leader_is_for_admins_only()
    {
        await Store.TryFoundAsync(Tenant, "19:team", AsLeader(Lee), default);

        Assert.Equal(LeaderChange.LastLeader, await Store.RemoveAsync(Tenant, "19:team", Lee.TeamsId, false, default));
        Assert.Equal(LeaderChange.Removed, await Store.RemoveAsync(Tenant, "19:team", Lee.TeamsId, true, default));

        // The row stays: a reinstall finds the team founded and makes nobody a leader.
        Assert.Empty((await Store.FindAsync(Tenant, "19:team", default))!.Leaders);
        Assert.False(await Store.TryFoundAsync(Tenant, "19:team", AsLeader(Alex), default));
    }
}
