using KindnessBot.Core.Conversations;
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
/// Alex and Ana are members. Only Teams (the notifier) is a stand-in.
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

    protected DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    public virtual async Task InitializeAsync()
    {
        var azurite = await SharedAzurite.GetAsync().WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        Account = azurite.Account(Azurite.NewTablePrefix());
        await Account.CreateAsync([.. ConversationStorage.Declared, .. PermissionStorage.Declared, .. RoleStorage.Declared], Cancel);
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
        new(Store, Conversations, new Authorisation(leaders ?? new LeaderOptions(), Leaders, new NoDirectoryRoles(), NoRoster, Time, NullLogger<Authorisation>.Instance), Notifier, Time, options);

    private static IPeopleDirectory NoRoster { get; } = Mock.Of<IPeopleDirectory>(d => d.MembersAsync(It.IsAny<ConversationRecord>(), It.IsAny<CancellationToken>()) == Task.FromResult<IReadOnlyList<Person>>(Array.Empty<Person>()));

    protected PermissionService NewService(int dailyDecisionLimit) => NewService(new PermissionOptions { DailyDecisionLimit = dailyDecisionLimit });

    protected static string NewCardId() => Guid.NewGuid().ToString("N");

    protected Task<(PermissionStatement? Statement, PermissionRefusal? Refusal)> PostAsync(PermissionService service, Person? leader = null, int days = 30, string? cardId = null, string what = "You can offer a customer a goodwill gesture of up to £50 without asking") =>
        service.PostAsync(new StatementRequest(leader ?? Leader, Team, what, "Once per customer; tell your lead afterwards", [], Today, Today.AddDays(days), cardId), Cancel);

    /// <summary>A decision by <paramref name="person"/> from a decision card (a fresh one unless given), relying on <paramref name="statementKey"/> or their own judgement.</summary>
    protected Task<DecisionOutcome> DecideAsync(PermissionService service, Person person, string? statementKey, string? cardId = null, bool share = false, string decided = "Refunded the delivery charge", ConversationRecord? scope = null) =>
        service.RecordDecisionAsync(new DecisionRequest(person, scope ?? Team, decided, "a customer whose parcel was late", statementKey, "They thanked us and stayed", share, cardId ?? NewCardId()), Cancel);
}
