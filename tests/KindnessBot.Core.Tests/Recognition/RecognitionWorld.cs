using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.People;
using KindnessBot.Core.Tests.Roles;
using KindnessBot.Core.Recognition;
using KindnessBot.Core.Storage;
using KindnessBot.Core.Tests.Conversations;
using KindnessBot.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using RecognitionRecord = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Core.Tests.Recognition;

/// <summary>
/// A small tenant in real tables (the shared Azurite, a table prefix per test): Ana and Ben in the Care Team,
/// Dee and Ben on the Night Shift, a group chat of Ana and Ben. Ana, Ben and Dee have a personal chat with the bot;
/// Cy (Care Team) has not talked to it yet. Only the Teams roster is a stand-in; what the service asks the delivery path
/// for is read from the real outbox (<see cref="Sent"/>).
/// </summary>
public abstract class RecognitionWorld : IAsyncLifetime, IDisposable
{
    protected static readonly Person Ana = new("29:ana", "aad-ana", "Ana Adeyemi", null);
    protected static readonly Person Ben = new("29:ben", "aad-ben", "Ben Brookes", null);
    protected static readonly Person Cy = new("29:cy", "aad-cy", "Cy Chowdhury", null);
    protected static readonly Person Dee = new("29:dee", "aad-dee", "Dee Dlamini", null);

    private readonly CancellationTokenSource _limit = new(TimeSpan.FromSeconds(90));
    private readonly string _tablePrefix = Azurite.NewTablePrefix();
    private Azurite _azurite = null!;

    protected string Tenant { get; } = StoreFixture.NewTenant();

    /// <summary>A Monday morning; every date in a test is built from it.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected FakePeople People { get; } = new();


    /// <summary>Every storage call and wait in a test ends within this limit.</summary>
    protected CancellationToken Cancel => _limit.Token;

    protected StorageAccount Account { get; private set; } = null!;

    protected TableConversationStore Conversations { get; private set; } = null!;

    protected TableRecognitionStore Store { get; private set; } = null!;

    protected TableMembershipStore Memberships { get; private set; } = null!;

    protected DeliveryStorage Delivery { get; private set; } = null!;

    /// <summary>What the delivery path would deliver now, by the renderer's rules (Bot tests check the real posts).</summary>
    protected RecordedMessages Sent { get; private set; } = null!;

    protected ConversationRecord CareTeam { get; private set; } = null!;

    protected ConversationRecord CareRota { get; private set; } = null!;

    protected ConversationRecord NightShift { get; private set; } = null!;

    protected ConversationRecord AnaAndBen { get; private set; } = null!;

    protected ConversationRecord AnasChat { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        _azurite = await SharedAzurite.GetAsync().WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        Account = _azurite.Account(_tablePrefix);
        await Account.CreateAsync([.. ConversationStorage.Declared, .. PeopleStorage.Declared, .. RecognitionStorage.Declared, .. DeliveryStorage.Declared], Cancel);
        Delivery = new DeliveryStorage(Account);
        Conversations = new TableConversationStore(Account);
        Store = new TableRecognitionStore(Account);
        Memberships = new TableMembershipStore(Account);
        Sent = new RecordedMessages(Delivery, Store, Cancel);

        CareTeam = StoreFixture.Channel(Tenant, "19:care", "19:care", "Care Team");
        CareRota = StoreFixture.Channel(Tenant, "19:care", "19:care-rota", "Care Team", "Rota");
        NightShift = StoreFixture.Channel(Tenant, "19:night", "19:night", "Night Shift");
        AnaAndBen = new ConversationRecord { TenantId = Tenant, ConversationId = "19:chat-ana-ben", Kind = ConversationKind.GroupChat, ServiceUrl = CareTeam.ServiceUrl, ChannelId = "msteams", BotId = "28:bot" };
        AnasChat = StoreFixture.Personal(Tenant, Ana.TeamsId);
        foreach (var conversation in new[] { CareTeam, CareRota, NightShift, AnaAndBen, AnasChat, StoreFixture.Personal(Tenant, Ben.TeamsId), StoreFixture.Personal(Tenant, Dee.TeamsId) })
        {
            await Conversations.SaveAsync(conversation, Cancel);
        }

        People.Set(CareTeam, Ana, Ben, Cy);
        People.Set(NightShift, Dee, Ben);
        People.Set(AnaAndBen, Ana, Ben);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _limit.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <param name="store">Another instance's view of the same tables; this test's store when null.</param>
    protected RecognitionService NewService(int dailyLimit = 10, IRecognitionStore? store = null) =>
        new(store ?? Store, Conversations, Scopes(), Path(), Time, new RecognitionOptions { DailyLimit = dailyLimit });

    /// <summary>The delivery path's front door, on this test's tables.</summary>
    protected DeliveryOutbox Path() => new(Delivery, new OutboxStore(Delivery), new DeliverySignal(), Time, NullLogger<DeliveryOutbox>.Instance);

    /// <summary>Who is where, through the real scope rules, over the stand-in roster.</summary>
    protected PersonScopes Scopes() => new(Conversations, People.Directory, Memberships, new FixedAuthorisation(), Time, NullLogger<PersonScopes>.Instance);

    /// <summary>This test's tables, reached through a client whose requests pass <paramref name="policy"/> first.</summary>
    protected StorageAccount TablesThrough(HttpPipelinePolicy policy)
    {
        var options = new TableClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return new StorageAccount(new TableServiceClient(_azurite.ConnectionString, options), new Azure.Storage.Queues.QueueServiceClient(_azurite.ConnectionString), _tablePrefix);
    }

    protected static string NewCardId() => Guid.NewGuid().ToString("N");

    protected static GiveRequest Request(Person giver, string recipientId, ConversationRecord where, string? cardId = null, string? celebrateInTeamId = null, bool hopesToShare = true, string text = "Covered my shift so I could take my daughter to hospital", params Commitment[] commitments) =>
        new(giver, recipientId, text, commitments.Length == 0 ? [Commitment.Understanding] : commitments, hopesToShare, cardId ?? NewCardId(), where, celebrateInTeamId);

    protected Task<GiveOutcome> GiveAsync(RecognitionService service, Person giver, string recipientId, ConversationRecord where, string? cardId = null, string? celebrateInTeamId = null) =>
        service.GiveAsync(Request(giver, recipientId, where, cardId, celebrateInTeamId), Cancel);

    /// <summary>
    /// The Teams roster, an edge that cannot be real here (it is the Teams connector's): a Moq mock of the people
    /// directory answering who is in each chat or team (a channel's roster is its team's).
    /// </summary>
    protected sealed class FakePeople
    {
        private readonly ConcurrentDictionary<string, IReadOnlyList<Person>> _members = new(StringComparer.Ordinal);
        private readonly Mock<IPeopleDirectory> _directory = new(MockBehavior.Strict);

        public FakePeople() =>
            _directory.Setup(d => d.MembersAsync(It.IsAny<ConversationRecord>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync((ConversationRecord conversation, CancellationToken _) => _members.TryGetValue(conversation.ScopeId, out var members) ? members : []);

        public IPeopleDirectory Directory => _directory.Object;

        public void Set(ConversationRecord scope, params Person[] members) => _members[scope.ScopeId] = members;
    }

    /// <summary>
    /// The recognition messages recorded on the delivery path, each with the recognition as stored now and who it is
    /// for, kept only where the renderer would post it: a consent request while undecided, a celebration once shared, a
    /// note to the giver once decided. A message recorded for a recognition that was never stored (refused) shows nothing.
    /// </summary>
    protected sealed class RecordedMessages(DeliveryStorage delivery, IRecognitionStore store, CancellationToken cancel)
    {
        public Task<IReadOnlyList<(RecognitionRecord Recognition, string To)>> AskedAsync() =>
            ListAsync(RecognitionDelivery.Consent, r => r.Status == ConsentStatus.AwaitingConsent);

        public Task<IReadOnlyList<(RecognitionRecord Recognition, string To)>> CelebratedAsync() =>
            ListAsync(RecognitionDelivery.Celebration, r => r.Status == ConsentStatus.Shared);

        public Task<IReadOnlyList<(RecognitionRecord Recognition, string To)>> ToldGiverAsync() =>
            ListAsync(RecognitionDelivery.Outcome, r => r.Status != ConsentStatus.AwaitingConsent);

        /// <summary>Every row of a kind, however the renderer would treat it.</summary>
        public async Task<int> RecordedAsync(string kind)
        {
            var count = 0;
            await foreach (var _ in delivery.Outbox.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {kind}"), cancellationToken: cancel))
            {
                count++;
            }

            return count;
        }

        private async Task<IReadOnlyList<(RecognitionRecord Recognition, string To)>> ListAsync(string kind, Func<RecognitionRecord, bool> shown)
        {
            var found = new List<(RecognitionRecord, string)>();
            await foreach (var row in delivery.Outbox.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {kind}"), cancellationToken: cancel))
            {
                var entry = OutboxStore.FromEntity(row);
                if (await RecognitionDelivery.FindAsync(store, entry, cancel) is { } recognition && shown(recognition))
                {
                    found.Add((recognition, entry.Request.To.Id));
                }
            }

            return found;
        }
    }
}
