using System.Security.Cryptography;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using KindnessBot.Core.Audit;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Storage;
using KindnessBot.Core.Tests.Roles;
using KindnessBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Blockers;

/// <summary>Blockers in the shared Azurite, a table of their own per test, every storage request counted.</summary>
internal sealed class BlockerWorld
{
    public const string Tenant = "tenant-1";
    public const string Team = "19:team-a@thread.tacv2";

    private BlockerWorld(BlockerStorage storage, CountingPolicy counting)
    {
        Storage = storage;
        Counting = counting;
        Store = new BlockerStore(storage);
        Service = new BlockerService(Store, Keys, new FixedAuthorisation(Leader.TeamsId), Time, Audit);
        PersonalData = new BlockerPersonalData(Store, Service);
    }

    public PrivacyKeys Keys { get; } = PrivacyKeys.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public RecordedAudit Audit { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public BlockerStorage Storage { get; }

    public CountingPolicy Counting { get; }

    public BlockerStore Store { get; }

    public BlockerService Service { get; }

    public BlockerPersonalData PersonalData { get; }

    public static Person Leader { get; } = new("29:leader-id", "aad-leader", "Lee Leader", Tenant);

    public static Person Reporter { get; } = new("29:reporter-secret-id", "aad-reporter-secret", "Rita Reporter-Secret", Tenant);

    public static async Task<BlockerWorld> NewAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        var counting = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counting, HttpPipelinePosition.PerCall);
        var account = new StorageAccount(new TableServiceClient(azurite.ConnectionString, options), new QueueServiceClient(azurite.ConnectionString), Azurite.NewTablePrefix());
        var storage = new BlockerStorage(account);
        await storage.CreateAllAsync(CancellationToken.None);
        return new BlockerWorld(storage, counting);
    }

    public static Person Member(int n) => new($"29:member-{n}", $"aad-member-{n}", $"Member {n}", Tenant);

    public static ConversationRecord Scope(string team = Team, string tenant = Tenant) => new()
    {
        TenantId = tenant,
        ConversationId = team,
        TeamId = team,
        Kind = ConversationKind.Channel,
        ServiceUrl = "https://smba.example/",
        ChannelId = "msteams",
        BotId = "28:bot",
    };

    public async Task<Blocker> ReportAsync(bool named = false, Person? by = null, string team = Team, string what = "The rota system double-books the quiet room")
    {
        var result = await Service.ReportAsync(new BlockerReport(Tenant, team, by ?? Reporter, what, BlockerWhere.ToolOrSystem, BlockerAffected.Colleagues, "Let us book it by hand", named), CancellationToken.None);
        return result.Blocker ?? throw new InvalidOperationException("Report refused: " + result.Refusal);
    }

    public Task<BlockerResult> MoveAsync(string id, BlockerStatus to, string? note = null, Person? by = null) =>
        Service.MoveAsync(Scope(), by ?? Leader, id, to, note, CancellationToken.None);

    public Task<List<TableEntity>> AllRowsAsync() => Storage.Blockers.RowsAsync(null, CancellationToken.None);
}

/// <summary>The audit entries a test's leaders caused, in order.</summary>
internal sealed class RecordedAudit : IAuditLog
{
    public List<AuditEntry> Entries { get; } = [];

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (Entries)
        {
            Entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> ReadAsync(string tenantId, string? before, int pageSize, CancellationToken cancellationToken) => throw new NotSupportedException();
}
