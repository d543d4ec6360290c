using System.Collections.Concurrent;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Storage;
using KindnessBot.Core.Tests.Conversations;
using KindnessBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Permissions;

/// <summary>Permission to flex against real tables: statements, reads, decisions, revocation, expiry and reminders.</summary>
public class PermissionServiceTests : IAsyncLifetime
{
    private static readonly Person Leader = new("29:lead", null, "Lee Lead", null);
    private static readonly Person Alex = new("29:alex", null, "Alex Wilber", null);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingNotifier _notifier = new();
    private readonly string _tenant = Guid.NewGuid().ToString();
    private StorageAccount _account = null!;
    private TableConversationStore _conversations = null!;
    private TablePermissionStore _store = null!;
    private ConversationRecord _team = null!;

    public async Task InitializeAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        _account = azurite.Account(Azurite.NewTablePrefix());
        await _account.CreateAsync([.. ConversationStorage.Declared, .. PermissionStorage.Declared], default);
        _conversations = new TableConversationStore(_account);
        _store = new TablePermissionStore(_account);
        _team = StoreFixture.Channel(_tenant, "19:team", "19:team") with { InstalledBy = Leader.TeamsId };
        await _conversations.SaveAsync(_team, default);
        await _conversations.SaveAsync(StoreFixture.Personal(_tenant, Leader.TeamsId), default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private PermissionService NewService() => new(_store, _conversations, new InstallerOrAdminLeaderPolicy(new LeaderOptions(), _conversations), _notifier, _time);

    private Task<(PermissionStatement? Statement, PermissionRefusal? Refusal)> PostAsync(PermissionService service, Person? leader = null, int days = 30) =>
        service.PostAsync(new StatementRequest(leader ?? Leader, _team, "You can offer a customer a goodwill gesture of up to £50 without asking", "Once per customer; tell your lead afterwards", [], Today, Today.AddDays(days)), default);

    private DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_leader_posts_a_statement_with_Permissive_by_default_and_its_card_is_posted()
    {
        var (statement, refusal) = await PostAsync(NewService());

        Assert.Null(refusal);
        Assert.Equal([Commitment.Permissive], statement!.Commitments);
        Assert.Equal("posted-1", statement.ActivityId);
        Assert.Single(_notifier.Posted);
    }

    [Fact]
    public async Task Someone_who_is_not_a_leader_cannot_post_revoke_extend_or_read_the_flex_log()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);

        Assert.Equal(PermissionRefusal.NotALeader, (await PostAsync(service, Alex)).Refusal);
        Assert.Equal(PermissionRefusal.NotALeader, (await service.RevokeAsync(_team, Alex, statement!.Key, default)).Refusal);
        Assert.Equal(PermissionRefusal.NotALeader, (await service.ExtendAsync(_team, Alex, statement.Key, default)).Refusal);
        Assert.Null(await service.FlexLogAsync(_team, Alex, default));
        Assert.False((await _store.FindAsync(_tenant, "19:team", statement.Key, default))!.Revoked);
    }

    [Fact]
    public async Task An_admin_from_configuration_is_a_leader_everywhere()
    {
        var options = new LeaderOptions();
        options.Admins.Add("29:admin");
        var service = new PermissionService(_store, _conversations, new InstallerOrAdminLeaderPolicy(options, _conversations), _notifier, _time);

        Assert.Null((await PostAsync(service, new Person("29:admin", null, "Ada Admin", null))).Refusal);
    }

    [Fact]
    public async Task Fifty_people_pressing_I_have_read_this_at_once_count_exactly_fifty_and_twice_counts_once()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);
        var readers = Enumerable.Range(0, 50).Select(i => $"29:reader-{i}").ToList();

        var results = await Task.WhenAll(readers.Concat(readers.Take(10)).Select(r => service.MarkReadAsync(_tenant, "19:team", statement!.Key, r, default)));

        Assert.Equal(50, results.Count(r => r.Counted));
        Assert.Equal(50, (await _store.FindAsync(_tenant, "19:team", statement!.Key, default))!.ReadCount);
        Assert.Contains(_notifier.Updated, s => s.ReadCount == 50);
    }

    [Fact]
    public async Task A_decision_relying_on_a_statement_counts_as_a_use_and_a_shared_story_is_posted()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);

        var (decision, refusal) = await service.RecordDecisionAsync(new DecisionRequest(Alex, _team, "Refunded the delivery charge", "a customer whose parcel was late", statement!.Key, "They thanked us and stayed", true), default);

        Assert.Null(refusal);
        Assert.Equal(1, (await _store.FindAsync(_tenant, "19:team", statement.Key, default))!.UsedCount);
        Assert.Equal(decision!.Key, Assert.Single(_notifier.Stories).Key);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("unknown")]
    [InlineData("other team")]
    public async Task A_decision_naming_a_statement_that_cannot_be_relied_on_is_refused_and_nothing_is_stored(string which)
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service, days: 5);
        var key = statement!.Key;
        var scope = _team;
        switch (which)
        {
            case "revoked":
                await service.RevokeAsync(_team, Leader, key, default);
                break;
            case "expired":
                _time.Advance(TimeSpan.FromDays(7));
                break;
            case "unknown":
                key = "0000000000000000001-0000abcd";
                break;
            default:
                scope = StoreFixture.Channel(_tenant, "19:other-team", "19:other-team");
                break;
        }

        var (decision, refusal) = await service.RecordDecisionAsync(new DecisionRequest(Alex, scope, "Waived a fee", "a neighbour", key, "Fine", false), default);

        Assert.Null(decision);
        Assert.NotNull(refusal);
        Assert.Empty(await _store.DecisionsAsync(_tenant, "19:team", default));
        Assert.Empty(await _store.DecisionsAsync(_tenant, "19:other-team", default));
    }

    [Fact]
    public async Task Revoking_updates_the_card_and_the_statement_no_longer_applies()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);

        await service.RevokeAsync(_team, Leader, statement!.Key, default);

        Assert.Contains(_notifier.Updated, s => s.Key == statement.Key && s.Revoked);
        Assert.Empty(await service.ApplicableAsync(_tenant, [_team], default));
    }

    [Fact]
    public async Task The_leader_is_reminded_once_three_days_before_expiry_even_with_two_instances_and_can_extend()
    {
        var first = NewService();
        var second = NewService();
        var (statement, _) = await PostAsync(first, days: 10);

        _time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await first.SendDueRemindersAsync(default));
        _time.Advance(TimeSpan.FromDays(1)); // three days before expiry
        var sent = await Task.WhenAll(first.SendDueRemindersAsync(default), second.SendDueRemindersAsync(default));
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, await first.SendDueRemindersAsync(default));

        var (extended, _) = await first.ExtendAsync(_team, Leader, statement!.Key, default);
        Assert.Equal(statement.ValidUntil.AddDays(PermissionService.ExtendByDays), extended!.ValidUntil);
        _time.Advance(TimeSpan.FromDays(PermissionService.ExtendByDays));
        Assert.Equal(1, await first.SendDueRemindersAsync(default)); // a new reminder for the new date
    }

    [Fact]
    public async Task When_a_statement_expires_its_card_is_updated_to_say_so()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service, days: 2);

        _time.Advance(TimeSpan.FromDays(3));
        await service.SendDueRemindersAsync(default);

        var last = _notifier.Updated.Last(s => s.Key == statement!.Key);
        Assert.Equal(StatementState.Expired, last.StateOn(Today));
    }

    [Fact]
    public async Task The_flex_log_counts_decisions_per_statement_and_those_that_relied_on_no_statement()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);
        await service.RecordDecisionAsync(new DecisionRequest(Alex, _team, "A", "someone", statement!.Key, "ok", true), default);
        await service.RecordDecisionAsync(new DecisionRequest(Alex, _team, "B", "someone", statement.Key, "ok", false), default);
        await service.RecordDecisionAsync(new DecisionRequest(Alex, _team, "C", "someone", null, "ok", false), default);

        var log = await service.FlexLogAsync(_team, Leader, default);

        var entry = Assert.Single(log!.Statements);
        Assert.Equal((2, 1, 1), (entry.Decisions, entry.SharedStories.Count, log.OwnJudgementDecisions));
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(0, -2)]
    [InlineData(0, 400)]
    public async Task Impossible_dates_are_refused(int fromOffset, int untilOffset)
    {
        var (statement, refusal) = await NewService().PostAsync(new StatementRequest(Leader, _team, "x", "y", [], Today.AddDays(fromOffset + (fromOffset < 0 ? 10 : 0)), Today.AddDays(untilOffset)), default);

        Assert.Null(statement);
        Assert.Equal(PermissionRefusal.BadDates, refusal);
    }

    private sealed class RecordingNotifier : IPermissionNotifier
    {
        private int _posted;

        public ConcurrentQueue<PermissionStatement> Posted { get; } = new();

        public ConcurrentQueue<PermissionStatement> Updated { get; } = new();

        public ConcurrentQueue<FlexDecision> Stories { get; } = new();

        public ConcurrentQueue<PermissionStatement> Reminded { get; } = new();

        public Task<string?> PostAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken)
        {
            Posted.Enqueue(statement);
            return Task.FromResult<string?>("posted-" + Interlocked.Increment(ref _posted));
        }

        public Task UpdateAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken)
        {
            Updated.Enqueue(statement);
            return Task.CompletedTask;
        }

        public Task PostStoryAsync(FlexDecision decision, PermissionStatement? statement, ConversationRecord where, CancellationToken cancellationToken)
        {
            Stories.Enqueue(decision);
            return Task.CompletedTask;
        }

        public Task RemindAsync(PermissionStatement statement, ConversationRecord leaderChat, CancellationToken cancellationToken)
        {
            Reminded.Enqueue(statement);
            return Task.CompletedTask;
        }
    }
}
