using Azure.Data.Tables;
using KindnessBot.Core.Conversations;

namespace KindnessBot.Core.Tests.Conversations;

public class TableConversationStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly TableConversationStore _store = fixture.Store;
    private readonly CancellationToken _ct = CancellationToken.None;

    /// <summary>A moment for the removal marks: these tests store and read it back, and no clock is involved.</summary>
    private static readonly DateTimeOffset RemovedAt = new(2026, 11, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_saved_conversation_is_found_with_every_field()
    {
        var tenant = StoreFixture.NewTenant();
        var saved = StoreFixture.Channel(tenant, "19:team@thread.tacv2", "19:chan@thread.tacv2", channelName: "Wellbeing") with
        {
            BotName = "KindnessBot",
            InstalledBy = "29:lead",
            InstalledAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
            LastSeenAt = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero),
        };

        await _store.SaveAsync(saved, _ct);

        Assert.Equal(saved, await _store.FindAsync(tenant, "19:chan@thread.tacv2", _ct));
    }

    [Fact]
    public async Task A_later_sighting_without_names_keeps_the_stored_names()
    {
        var tenant = StoreFixture.NewTenant();
        await _store.SaveAsync(StoreFixture.Channel(tenant, "19:t", "19:c", teamName: "Care Team", channelName: "Wellbeing"), _ct);

        await _store.SaveAsync(StoreFixture.Channel(tenant, "19:t", "19:c", teamName: null, channelName: null) with { ServiceUrl = "https://smba.trafficmanager.net/emea/" }, _ct);

        var stored = await _store.FindAsync(tenant, "19:c", _ct);
        Assert.Equal(("Care Team", "Wellbeing", "https://smba.trafficmanager.net/emea/"), (stored!.TeamName, stored.TeamsChannelName, stored.ServiceUrl));
    }

    [Fact]
    public async Task A_personal_chat_is_found_by_the_person_it_is_with()
    {
        var tenant = StoreFixture.NewTenant();
        await _store.SaveAsync(StoreFixture.Personal(tenant, "29:megan"), _ct);

        var found = await _store.FindPersonalAsync(tenant, "29:megan", _ct);

        Assert.Equal("a:chat-29:megan", found?.ConversationId);
        Assert.Null(await _store.FindPersonalAsync(tenant, "29:someone-else", _ct));
        Assert.Null(await _store.FindPersonalAsync(StoreFixture.NewTenant(), "29:megan", _ct));
    }

    [Fact]
    public async Task Keys_start_with_the_tenant_and_ids_with_forbidden_characters_are_stored_safely()
    {
        var tenant = StoreFixture.NewTenant();
        var awkward = "19:a/b\\c#d?e%f@thread.tacv2";
        await _store.SaveAsync(StoreFixture.Channel(tenant, "19:t", awkward), _ct);

        var rows = fixture.Account.Table(ConversationStorage.TableName).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}"));
        var keys = new List<string>();
        await foreach (var row in rows)
        {
            keys.Add(row.RowKey);
        }

        var key = Assert.Single(keys);
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?');
        Assert.Equal(awkward, (await _store.FindAsync(tenant, awkward, _ct))?.ConversationId);
    }

    [Fact]
    public async Task A_team_lists_only_its_own_channels_in_its_own_tenant()
    {
        var tenant = StoreFixture.NewTenant();
        await _store.SaveAsync(StoreFixture.Channel(tenant, "19:t1", "19:t1"), _ct);
        await _store.SaveAsync(StoreFixture.Channel(tenant, "19:t1", "19:t1-other"), _ct);
        await _store.SaveAsync(StoreFixture.Channel(tenant, "19:t2", "19:t2"), _ct);
        await _store.SaveAsync(StoreFixture.Personal(tenant, "29:x") with { TeamId = null }, _ct);
        await _store.SaveAsync(StoreFixture.Channel(StoreFixture.NewTenant(), "19:t1", "19:t1"), _ct);

        var channels = await _store.ListTeamAsync(tenant, "19:t1", _ct);

        Assert.Equal(["19:t1", "19:t1-other"], channels.Select(c => c.ConversationId).Order());
    }

    [Fact]
    public async Task Only_one_of_many_concurrent_installs_activates_a_conversation()
    {
        var tenant = StoreFixture.NewTenant();
        var installed = StoreFixture.Personal(tenant, "29:alex");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _store.TryActivateAsync(installed, _ct)));

        Assert.Single(results, r => r);
        Assert.False(await _store.TryActivateAsync(installed, _ct));
    }

    [Fact]
    public async Task A_removed_conversation_is_activated_again_by_a_new_install()
    {
        var tenant = StoreFixture.NewTenant();
        var installed = StoreFixture.Personal(tenant, "29:alex");
        Assert.True(await _store.TryActivateAsync(installed, _ct));

        await _store.MarkRemovedAsync(tenant, installed.ConversationId, RemovedAt, _ct);
        var removed = await _store.FindPersonalAsync(tenant, "29:alex", _ct);

        Assert.True(removed!.IsRemoved);
        Assert.True(await _store.TryActivateAsync(installed, _ct));
        Assert.False((await _store.FindAsync(tenant, installed.ConversationId, _ct))!.IsRemoved);
    }

    [Fact]
    public async Task Removing_a_conversation_that_was_never_stored_changes_nothing()
    {
        var tenant = StoreFixture.NewTenant();

        await _store.MarkRemovedAsync(tenant, "19:never", RemovedAt, _ct);

        Assert.Null(await _store.FindAsync(tenant, "19:never", _ct));
    }
}
