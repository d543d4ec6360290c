using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;
using KindnessBot.Core.Storage;
using KindnessBot.Core.Tests.Conversations;
using KindnessBot.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace KindnessBot.Core.Tests.Roles;

/// <summary>
/// A team in real tables (the shared Azurite, a table prefix per test) whose roster (Lee, Megan, Alex and Gus, a
/// guest) and directory (Graph) are Moq stand-ins; nothing else is.
/// </summary>
public abstract class RolesWorld : IAsyncLifetime
{
    protected static readonly Person Lee = new("29:lee", "aad-lee", "Lee Lead", null);
    protected static readonly Person Megan = new("29:megan", "aad-megan", "Megan Bowen", null);
    protected static readonly Person Alex = new("29:alex", "aad-alex", "Alex Wilber", null);
    protected static readonly Person Gus = new("29:gus", "aad-gus", "Gus Guest", null);

    protected string Tenant { get; } = Guid.NewGuid().ToString();

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected Mock<IDirectoryRoles> Directory { get; } = new(MockBehavior.Strict);

    protected Mock<IPeopleDirectory> Roster { get; } = new();

    private protected ListLogger<Authorisation> Log { get; } = new();

    protected TableLeaderStore Store { get; private set; } = null!;

    protected StorageAccount Account { get; private set; } = null!;

    protected ConversationRecord Team { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var azurite = await SharedAzurite.GetAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Account = azurite.Account(Azurite.NewTablePrefix());
        await Account.CreateAsync([.. ConversationStorage.Declared, .. PeopleStorage.Declared, .. RoleStorage.Declared], default);
        Store = new TableLeaderStore(Account, Time);
        Team = StoreFixture.Channel(Tenant, "19:team", "19:team") with { TeamAadGroupId = "group-team" };
        await new TableConversationStore(Account).SaveAsync(Team, default);
        Roster.Setup(r => r.MembersAsync(It.IsAny<ConversationRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([.. new[] { Lee, Megan, Alex }.Select(p => p with { TenantId = Tenant }), Gus with { TenantId = Tenant, IsGuest = true }]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected Authorisation Check(LeaderOptions? options = null) =>
        new(options ?? new LeaderOptions(), Store, Directory.Object, Roster.Object, Time, Log);

    protected LeaderService Service(Authorisation? check = null, Audit.IAuditLog? audit = null)
    {
        check ??= Check();
        var scopes = new PersonScopes(new TableConversationStore(Account), Roster.Object, new TableMembershipStore(Account), check, Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<PersonScopes>.Instance);
        return new LeaderService(check, Store, scopes, Time, audit);
    }

    protected static LeaderOptions Options(Action<LeaderOptions> set)
    {
        var options = new LeaderOptions();
        set(options);
        return options;
    }

    protected TeamLeader AsLeader(Person person) => new(person.TeamsId, person.AadObjectId, person.Name, "29:lee", Time.GetUtcNow());
}
