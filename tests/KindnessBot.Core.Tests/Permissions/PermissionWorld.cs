using Azure.Data.Tables;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.People;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Roles;
using KindnessBot.Core.Storage;
using KindnessBot.Core.Tests.Conversations;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace KindnessBot.Core.Tests.Permissions;

/// <summary>
/// A team in real tables (the shared Azurite, a table prefix per test) that Lee founded (installed first), so Lee leads it;
/// Alex and Ana are members. Teams is a stand-in: card updates are recorded, and what the service asks the delivery path
/// for is read from the real outbox; <see cref="PostAsync"/> also plays Teams accepting the statement's card.
/// </summary>
public abstract class PermissionWorld : IAsyncLifetime, IDisposable
{
    protected static readonly Person Leader = new("29:lead", null, "Lee Lead", null);
    protected static readonly Person Alex = new("29:alex", null, "Alex Wilber", null);
    protected static readonly Person Ana = new("29:ana", null, "Ana Adeyemi", null);

    private readonly CancellationTokenSource _limit = new(TimeSpan.FromSeconds(90));

    /// <summary>A Monday morning; every date in a test is built from it.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected RecordingNotifier Notifier { get; } = new();

    protected string Tenant { get; } = Guid.NewGuid().ToString();

    /// <summary>Every storage call and wait in a test ends within this limit.</summary>
    protected CancellationToken Cancel => _limit.Token;

    protected StorageAccount Account { get; private set; } = null!;

    protected TableConversationStore Conversations { get; private set; } = null!;

    protected TablePermissionStore Store { get; private set; } = null!;

    protected ConversationRecord Team { get; private set; } = null!;

    protected TableLeaderStore Leaders { get; private set; } = null!;

    protected DeliveryStorage Delivery { get; private set; } = null!;

    private int _posted;

    protected DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    public virtual async Task InitializeAsync()
    {
        var azurite = await SharedAzurite.GetAsync().WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        Account = azurite.Account(Azurite.NewTablePrefix());
        await Account.CreateAsync([.. ConversationStorage.Declared, .. PermissionStorage.Declared, .. RoleStorage.Declared, .. DeliveryStorage.Declared], Cancel);
        Delivery = new DeliveryStorage(Account);
        Conversations = new TableConversationStore(Account);
        Store = new TablePermissionStore(Account);
        Team = StoreFixture.Channel(Tenant, "19:team", "19:team");
        await Conversations.SaveAsync(Team, Cancel);
        Leaders = new TableLeaderStore(Account, Time);
        await Leaders.TryFoundAsync(Tenant, Team.ScopeId, new TeamLeader(Leader.TeamsId, null, Leader.Name, Leader.TeamsId, Time.GetUtcNow()), Cancel);
        await Conversations.SaveAsync(StoreFixture.Personal(Tenant, Leader.TeamsId), Cancel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _limit.Dispose();
        GC.SuppressFinalize(this);
    }

    protected PermissionService NewService(PermissionOptions? options = null, LeaderOptions? leaders = null) =>
        new(Store, Conversations, new Authorisation(leaders ?? new LeaderOptions(), Leaders, new NoDirectoryRoles(), NoRoster, Time, NullLogger<Authorisation>.Instance), Notifier, Path(), Time, options);

    protected DeliveryOutbox Path() => new(Delivery, new OutboxStore(Delivery), new DeliverySignal(), Time, NullLogger<DeliveryOutbox>.Instance);

    private static IPeopleDirectory NoRoster { get; } = Mock.Of<IPeopleDirectory>(d => d.MembersAsync(It.IsAny<ConversationRecord>(), It.IsAny<CancellationToken>()) == Task.FromResult<IReadOnlyList<Person>>(Array.Empty<Person>()));

    protected PermissionService NewService(int dailyDecisionLimit) => NewService(new PermissionOptions { DailyDecisionLimit = dailyDecisionLimit });

    protected static string NewCardId() => Guid.NewGuid().ToString("N");

    /// <summary>Posts a statement and, unless <paramref name="teamsAccepts"/> is false, plays Teams accepting its card ("posted-n").</summary>
    protected async Task<(PermissionStatement? Statement, PermissionRefusal? Refusal)> PostAsync(PermissionService service, Person? leader = null, int days = 30, string? cardId = null, string what = "You can offer a customer a goodwill gesture of up to £50 without asking", bool teamsAccepts = true)
    {
        var (statement, refusal) = await service.PostAsync(new StatementRequest(leader ?? Leader, Team, what, "Once per customer; tell your lead afterwards", [], Today, Today.AddDays(days), cardId), Cancel);
        if (statement is null || !teamsAccepts)
        {
            return (statement, refusal);
        }

        foreach (var entry in await RecordedAsync(PermissionDelivery.Statement))
        {
            if (await PermissionDelivery.FindStatementAsync(Store, entry, Cancel) is { ActivityId: null })
            {
                await new PermissionDelivery(Store).DeliveredAsync(entry, "posted-" + Interlocked.Increment(ref _posted), Cancel);
            }
        }

        return (await Store.FindAsync(Tenant, Team.ScopeId, statement.Key, Cancel), refusal);
    }

    /// <summary>The messages of a kind the service asked the delivery path for (each once, by its key).</summary>
    protected async Task<IReadOnlyList<OutboxEntry>> RecordedAsync(string kind)
    {
        var found = new List<OutboxEntry>();
        await foreach (var row in Delivery.Outbox.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {kind}"), cancellationToken: Cancel))
        {
            found.Add(OutboxStore.FromEntity(row));
        }

        return found;
    }

    /// <summary>A decision by <paramref name="person"/> from a decision card (a fresh one unless given), relying on <paramref name="statementKey"/> or their own judgement.</summary>
    protected Task<DecisionOutcome> DecideAsync(PermissionService service, Person person, string? statementKey, string? cardId = null, bool share = false, string decided = "Refunded the delivery charge", ConversationRecord? scope = null) =>
        service.RecordDecisionAsync(new DecisionRequest(person, scope ?? Team, decided, "a customer whose parcel was late", statementKey, "They thanked us and stayed", share, cardId ?? NewCardId()), Cancel);
}
