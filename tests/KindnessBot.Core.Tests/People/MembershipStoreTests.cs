using Azure.Data.Tables;
using KindnessBot.Core.People;
using KindnessBot.Testing;

namespace KindnessBot.Core.Tests.People;

/// <summary>The membership index against real tables (the shared Azurite, a table prefix of its own).</summary>
public class MembershipStoreTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly string _tenant = Guid.NewGuid().ToString();
    private readonly DateTimeOffset _at = DateTimeOffset.UnixEpoch.AddYears(50);
    private TableMembershipStore _store = null!;
    private TableClient _raw = null!;

    public async Task InitializeAsync()
    {
        var account = (await SharedAzurite.GetAsync().WaitAsync(TimeSpan.FromSeconds(60), _ct)).Account(Azurite.NewTablePrefix());
        await account.CreateAsync(PeopleStorage.Declared, _ct);
        _store = new TableMembershipStore(account);
        _raw = account.Table(PeopleStorage.MembershipsTable);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_person_s_teams_are_the_teams_they_joined_and_did_not_leave()
    {
        await _store.JoinAsync(_tenant, "19:care", ["29:ana", "29:ben"], _ct);
        await _store.JoinAsync(_tenant, "19:night", ["29:ben"], _ct);
        await _store.LeaveAsync(_tenant, "19:care", ["29:ben", "29:never-there"], _ct);

        Assert.Equal(["19:night"], await _store.TeamsOfAsync(_tenant, "29:ben", _ct));
        Assert.Equal(["19:care"], await _store.TeamsOfAsync(_tenant, "29:ana", _ct));
        Assert.Empty(await _store.TeamsOfAsync(Guid.NewGuid().ToString(), "29:ana", _ct));
    }

    [Fact]
    public async Task Replacing_a_team_s_members_writes_only_the_changes_and_notes_when()
    {
        await _store.JoinAsync(_tenant, "19:care", ["29:ana", "29:ben"], _ct);

        await _store.ReplaceAsync(_tenant, "19:care", ["29:ben", "29:cy"], _at, _ct);

        Assert.Empty(await _store.TeamsOfAsync(_tenant, "29:ana", _ct));
        Assert.Equal(["19:care"], await _store.TeamsOfAsync(_tenant, "29:cy", _ct));
        Assert.Equal(_at, (await _store.IndexedAtAsync(_tenant, _ct))["19:care"]);
        var rows = await _raw.QueryAsync<TableEntity>(cancellationToken: _ct).ToListAsync(_ct);
        Assert.All(rows, r => Assert.DoesNotContain(r.Keys, k => k is "Name" or "AadObjectId"));
    }

    [Fact]
    public async Task Forgetting_a_team_removes_its_members_from_both_sides_and_when_it_was_read()
    {
        await _store.ReplaceAsync(_tenant, "19:care", ["29:ana", "29:ben"], _at, _ct);
        await _store.JoinAsync(_tenant, "19:night", ["29:ben"], _ct);

        await _store.ForgetTeamAsync(_tenant, "19:care", _ct);

        Assert.Empty(await _store.TeamsOfAsync(_tenant, "29:ana", _ct));
        Assert.Equal(["19:night"], await _store.TeamsOfAsync(_tenant, "29:ben", _ct));
        Assert.False((await _store.IndexedAtAsync(_tenant, _ct)).ContainsKey("19:care"));
        var rows = await _raw.QueryAsync<TableEntity>(cancellationToken: _ct).ToListAsync(_ct);
        Assert.DoesNotContain(rows, r => r.PartitionKey.Contains("19:care", StringComparison.Ordinal) || r.RowKey == "19:care");
    }

    [Fact]
    public async Task An_allowance_counter_goes_once_its_day_is_older_than_the_retention_period_and_today_s_stays()
    {
        var account = (await SharedAzurite.GetAsync().WaitAsync(TimeSpan.FromSeconds(60), _ct)).Account(Azurite.NewTablePrefix());
        await account.CreateAsync(PeopleStorage.Declared, _ct);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(_at);
        var allowance = new TableDailyAllowance(account, clock);
        await allowance.TryTakeAsync(_tenant, "29:gone", AllowanceOptions.LeaderChanges, 5, _ct);
        clock.Advance(TimeSpan.FromDays(800));
        await allowance.TryTakeAsync(_tenant, "29:here", AllowanceOptions.LeaderChanges, 5, _ct);

        var removed = await PeopleRetention.Allowances(account).SweepAsync(new(clock.GetUtcNow() - TimeSpan.FromDays(730), clock.GetUtcNow()), 100, _ct);

        Assert.Equal(1, removed);
        var left = await account.Table(PeopleStorage.AllowancesTable).QueryAsync<TableEntity>(cancellationToken: _ct).ToListAsync(_ct);
        Assert.Contains("29:here", Assert.Single(left).PartitionKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_with_characters_keys_cannot_hold_and_ids_too_long_to_be_keys_are_handled()
    {
        var odd = "29:a/b#c?d%e|f";
        await _store.JoinAsync(_tenant, "19:odd/team", [odd, new string('x', 5_000), string.Empty], _ct);

        Assert.Equal(["19:odd/team"], await _store.TeamsOfAsync(_tenant, odd, _ct));
    }
}
