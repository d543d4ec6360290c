using KindnessBot.Core.Conversations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Conversations;

public class ConversationRecorderTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Installing_in_a_team_records_who_installed_it_and_when()
    {
        var (recorder, _) = NewRecorder();
        var tenant = StoreFixture.NewTenant();

        var outcome = await recorder.RecordAsync(new(SightingEvent.Installed, StoreFixture.Channel(tenant, "19:t", "19:t"), "29:lead"), _ct);

        var stored = await fixture.Store.FindAsync(tenant, "19:t", _ct);
        Assert.Equal(SightingOutcome.Activated, outcome);
        Assert.Equal(("29:lead", _time.GetUtcNow(), false), (stored!.InstalledBy, stored.InstalledAt, stored.IsRemoved));
    }

    [Fact]
    public async Task A_repeated_install_is_not_a_new_installation()
    {
        var (recorder, _) = NewRecorder();
        var tenant = StoreFixture.NewTenant();
        var sighting = new ConversationSighting(SightingEvent.Installed, StoreFixture.Personal(tenant, "29:alex"), "29:alex");

        Assert.Equal(SightingOutcome.Activated, await recorder.RecordAsync(sighting, _ct));
        Assert.Equal(SightingOutcome.Saved, await recorder.RecordAsync(sighting, _ct));
    }

    [Fact]
    public async Task Ordinary_traffic_is_written_once_until_something_changes()
    {
        var (recorder, counting) = NewRecorder();
        var tenant = StoreFixture.NewTenant();
        var seen = StoreFixture.Personal(tenant, "29:alex");

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await recorder.RecordAsync(new(SightingEvent.Activity, seen, "29:alex"), _ct);
        }

        Assert.Equal(1, counting.Saves);
        await recorder.RecordAsync(new(SightingEvent.Activity, seen with { ServiceUrl = "https://smba.trafficmanager.net/amer/" }, "29:alex"), _ct);
        Assert.Equal(2, counting.Saves);
        Assert.Equal("https://smba.trafficmanager.net/amer/", (await fixture.Store.FindPersonalAsync(tenant, "29:alex", _ct))!.ServiceUrl);
    }

    [Fact]
    public async Task Traffic_from_a_team_the_bot_was_never_installed_in_records_nothing()
    {
        var (recorder, _) = NewRecorder();
        var tenant = StoreFixture.NewTenant();

        var outcome = await recorder.RecordAsync(new(SightingEvent.Activity, StoreFixture.Channel(tenant, "19:t", "19:c"), "29:alex"), _ct);
        var groupChat = StoreFixture.Channel(tenant, "19:t", "19:g") with { Kind = ConversationKind.GroupChat, TeamId = null };
        var groupOutcome = await recorder.RecordAsync(new(SightingEvent.Activity, groupChat, "29:alex"), _ct);

        Assert.Equal((SightingOutcome.NotInstalled, SightingOutcome.NotInstalled), (outcome, groupOutcome));
        Assert.Null(await fixture.Store.FindAsync(tenant, "19:c", _ct));
        Assert.Null(await fixture.Store.FindAsync(tenant, "19:g", _ct));
        Assert.Empty(await fixture.Store.ListTeamsAsync(tenant, _ct));
    }

    [Fact]
    public async Task Traffic_from_another_channel_of_an_installed_team_records_that_channel()
    {
        var (recorder, _) = NewRecorder();
        var tenant = StoreFixture.NewTenant();
        await recorder.RecordAsync(new(SightingEvent.Installed, StoreFixture.Channel(tenant, "19:t", "19:t"), "29:lead"), _ct);

        var outcome = await recorder.RecordAsync(new(SightingEvent.Activity, StoreFixture.Channel(tenant, "19:t", "19:c", channelName: "Wellbeing"), "29:alex"), _ct);

        Assert.Equal(SightingOutcome.Saved, outcome);
        Assert.Equal("Wellbeing", (await fixture.Store.FindAsync(tenant, "19:c", _ct))!.TeamsChannelName);
    }

    [Fact]
    public async Task Renaming_a_team_renames_it_on_every_channel()
    {
        var (recorder, _) = NewRecorder();
        var tenant = StoreFixture.NewTenant();
        await recorder.RecordAsync(new(SightingEvent.Installed, StoreFixture.Channel(tenant, "19:t", "19:t"), "29:lead"), _ct);
        await recorder.RecordAsync(new(SightingEvent.ChannelCreated, StoreFixture.Channel(tenant, "19:t", "19:c2", channelName: "Wellbeing"), "29:lead"), _ct);

        await recorder.RecordAsync(new(SightingEvent.TeamRenamed, StoreFixture.Channel(tenant, "19:t", "19:t", teamName: "Kind Team"), "29:lead"), _ct);

        var channels = await fixture.Store.ListTeamAsync(tenant, "19:t", _ct);
        Assert.Equal(2, channels.Count);
        Assert.All(channels, c => Assert.Equal("Kind Team", c.TeamName));
    }

    [Fact]
    public async Task Renaming_a_channel_is_followed()
    {
        var (recorder, _) = NewRecorder();
        var tenant = StoreFixture.NewTenant();
        await recorder.RecordAsync(new(SightingEvent.ChannelCreated, StoreFixture.Channel(tenant, "19:t", "19:c", channelName: "Wellbeing"), "29:lead"), _ct);

        await recorder.RecordAsync(new(SightingEvent.ChannelRenamed, StoreFixture.Channel(tenant, "19:t", "19:c", channelName: "Kindness corner"), "29:lead"), _ct);

        Assert.Equal("Kindness corner", (await fixture.Store.FindAsync(tenant, "19:c", _ct))!.TeamsChannelName);
    }

    [Fact]
    public async Task Removing_the_bot_from_a_team_marks_every_channel_removed()
    {
        var (recorder, _) = NewRecorder();
        var tenant = StoreFixture.NewTenant();
        await recorder.RecordAsync(new(SightingEvent.Installed, StoreFixture.Channel(tenant, "19:t", "19:t"), "29:lead"), _ct);
        await recorder.RecordAsync(new(SightingEvent.ChannelCreated, StoreFixture.Channel(tenant, "19:t", "19:c2"), "29:lead"), _ct);

        await recorder.RecordAsync(new(SightingEvent.Uninstalled, StoreFixture.Channel(tenant, "19:t", "19:t"), "29:lead"), _ct);

        var channels = await fixture.Store.ListTeamAsync(tenant, "19:t", _ct);
        Assert.Equal(2, channels.Count);
        Assert.All(channels, c => Assert.True(c.IsRemoved));
        Assert.All(channels, c => Assert.Equal(_time.GetUtcNow(), c.RemovedAt));
    }

    [Fact]
    public async Task A_deleted_channel_is_marked_removed_and_the_rest_of_the_team_is_not()
    {
        var (recorder, _) = NewRecorder();
        var tenant = StoreFixture.NewTenant();
        await recorder.RecordAsync(new(SightingEvent.Installed, StoreFixture.Channel(tenant, "19:t", "19:t"), "29:lead"), _ct);
        await recorder.RecordAsync(new(SightingEvent.ChannelCreated, StoreFixture.Channel(tenant, "19:t", "19:c2"), "29:lead"), _ct);

        await recorder.RecordAsync(new(SightingEvent.ChannelDeleted, StoreFixture.Channel(tenant, "19:t", "19:c2"), "29:lead"), _ct);

        Assert.True((await fixture.Store.FindAsync(tenant, "19:c2", _ct))!.IsRemoved);
        Assert.False((await fixture.Store.FindAsync(tenant, "19:t", _ct))!.IsRemoved);
    }

    private (ConversationRecorder Recorder, CountingStore Counting) NewRecorder()
    {
        var counting = new CountingStore(fixture.Store);
        return (new ConversationRecorder(counting, _time, NullLogger<ConversationRecorder>.Instance), counting);
    }

    /// <summary>The real store, counting the writes that ordinary traffic causes.</summary>
    private sealed class CountingStore(IConversationStore inner) : IConversationStore
    {
        private int _saves;

        public int Saves => _saves;

        public Task SaveAsync(ConversationRecord seen, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _saves);
            return inner.SaveAsync(seen, cancellationToken);
        }

        public Task<bool> RefreshAsync(ConversationRecord seen, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _saves);
            return inner.RefreshAsync(seen, cancellationToken);
        }

        public Task<bool> TryActivateAsync(ConversationRecord installed, CancellationToken cancellationToken) => inner.TryActivateAsync(installed, cancellationToken);

        public Task MarkRemovedAsync(string tenantId, string conversationId, DateTimeOffset at, CancellationToken cancellationToken) => inner.MarkRemovedAsync(tenantId, conversationId, at, cancellationToken);

        public Task<ConversationRecord?> FindAsync(string tenantId, string conversationId, CancellationToken cancellationToken) => inner.FindAsync(tenantId, conversationId, cancellationToken);

        public Task<ConversationRecord?> FindPersonalAsync(string tenantId, string userId, CancellationToken cancellationToken) => inner.FindPersonalAsync(tenantId, userId, cancellationToken);

        public Task<IReadOnlyList<ConversationRecord>> ListTeamsAsync(string tenantId, CancellationToken cancellationToken) => inner.ListTeamsAsync(tenantId, cancellationToken);

        public Task<IReadOnlyList<ConversationRecord>> ListTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken) => inner.ListTeamAsync(tenantId, teamId, cancellationToken);
    }
}
