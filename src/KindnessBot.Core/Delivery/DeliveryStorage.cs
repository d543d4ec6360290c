using Azure.Data.Tables;
using Azure.Storage.Queues;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Delivery;

/// <summary>The delivery path's tables and queues, named in one place and kept in the product's <see cref="StorageAccount"/>.</summary>
public sealed class DeliveryStorage
{
    public const string OutboxName = "Deliveries";
    public const string SettingsName = "DeliverySettings";
    public const string PacingName = "SendPacing";
    public const string QueueName = "deliveries";
    public const string WaveQueueName = "deliveries-wave";
    public const string PoisonQueueName = "deliveries-poison";
    private const string Feature = "Delivery";

    /// <summary>Wave shards a deployment has unless it sets Delivery:WaveShards.</summary>
    public const int DefaultWaveShards = 8;

    /// <summary>What the path keeps with the default wave shards, as infra/main.bicep creates it.</summary>
    public static IReadOnlyList<StorageDeclaration> Declared { get; } = DeclaredWith(DefaultWaveShards);

    /// <summary>What the path keeps with <paramref name="waveShards"/> wave queues ("deliveries-wave", "deliveries-wave-1", …).</summary>
    public static IReadOnlyList<StorageDeclaration> DeclaredWith(int waveShards) =>
    [
        StorageDeclaration.Table(OutboxName, Feature), StorageDeclaration.Table(SettingsName, Feature), StorageDeclaration.Table(PacingName, Feature),
        StorageDeclaration.Queue(QueueName, Feature), StorageDeclaration.Queue(PoisonQueueName, Feature),
        .. Enumerable.Range(0, waveShards).Select(i => StorageDeclaration.Queue(WaveName(i), Feature)),
    ];

    private static string WaveName(int shard) => shard == 0 ? WaveQueueName : WaveQueueName + "-" + shard.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly IReadOnlyList<StorageDeclaration> _declared;
    private readonly StorageAccount _account;

    /// <param name="waveShards">Wave queue shards (1 to 64); a tenant's waves go to one of them, by a stable hash of the tenant.</param>
    public DeliveryStorage(StorageAccount account, int waveShards = DefaultWaveShards)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentOutOfRangeException.ThrowIfLessThan(waveShards, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(waveShards, 64);
        _account = account;
        Outbox = account.Table(OutboxName);
        Settings = account.Table(SettingsName);
        Pacing = account.Table(PacingName);
        _declared = DeclaredWith(waveShards);
        Singles = account.Queue(QueueName);
        Waves = [.. Enumerable.Range(0, waveShards).Select(i => account.Queue(WaveName(i)))];
        Poison = account.Queue(PoisonQueueName);
    }

    /// <summary>One row per message (PartitionKey: tenant and recipient; RowKey: the feature's key), and each person's day of nudges.</summary>
    public TableClient Outbox { get; }

    /// <summary>Each person's quiet hours, pause and opt-outs, and their time zone as their Teams client gave it.</summary>
    public TableClient Settings { get; }

    /// <summary>The fleet-wide send cursor of each tenant and the recent sends of each conversation.</summary>
    public TableClient Pacing { get; }

    /// <summary>Single messages: a consent request, a celebration, a reminder. Every worker looks here first.</summary>
    public QueueClient Singles { get; }

    /// <summary>Waves (a tenant's weekly prompts to all its teams), sharded by tenant.</summary>
    public IReadOnlyList<QueueClient> Waves { get; }

    public QueueClient Poison { get; }

    /// <summary>The wave shard a tenant's waves go to.</summary>
    public QueueClient WaveQueueFor(string tenantId) =>
        Waves.Count == 1 ? Waves[0] : Waves[(int)(StableHash.Fnv1a(tenantId) % (uint)Waves.Count)];

    /// <summary>Every queue a worker takes messages from: the singles first.</summary>
    public IReadOnlyList<QueueClient> AllQueues => [Singles, .. Waves];

    /// <summary>Creates every table and queue this instance uses (all its wave shards), if not there yet.</summary>
    public Task CreateAllAsync(CancellationToken cancellationToken) => _account.CreateAsync(_declared, cancellationToken);
}
