using Azure.Data.Tables;
using KindnessBot.Core.People;
using KindnessBot.Testing;

namespace KindnessBot.Core.Tests.Conversations;

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
    public async Task Ids_with_characters_keys_cannot_hold_and_ids_too_long_to_be_keys_are_handled()
    {
        var odd = "29:a/b#c?d%e|f";
        await _store.JoinAsync(_tenant, "19:odd/team", [odd, new string('x', 5_000), string.Empty], _ct);

        Assert.Equal(["19:odd/team"], await _store.TeamsOfAsync(_tenant, odd, _ct));
    }
}
