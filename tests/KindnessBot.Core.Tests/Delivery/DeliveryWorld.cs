using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KindnessBot.Core.Tests.Delivery;

/// <summary>
/// The delivery path on tables and queues of its own in the shared Azurite (a fresh prefix per world), with the real
/// conversation store holding the channels and chats it delivers to, and the reflection tables for prompts.
/// </summary>
public sealed class DeliveryWorld
{
    public const string Tenant = "tenant";
    public const string ServiceUrl = "https://smba.example/emea/";

    private DeliveryWorld(StorageAccount account, int waveShards, TimeProvider time, DeliveryOptions options)
    {
        Account = account;
        Time = time;
        Options = options;
        Storage = new DeliveryStorage(account, waveShards);
        Reflection = new ReflectionStorage(account);
        Conversations = new TableConversationStore(account);
        Outbox = new OutboxStore(Storage);
        Settings = new NudgeSettingsStore(Storage);
        Signal = new DeliverySignal();
        Path = new DeliveryOutbox(Storage, Outbox, Signal, time, NullLogger<DeliveryOutbox>.Instance);
        Slots = new SlotStore(Reflection);
    }

    public StorageAccount Account { get; }

    private Azurite _azurite = null!;

    /// <summary>This world's outbox, reached through a client whose requests pass <paramref name="policy"/> first (and are not retried).</summary>
    public OutboxStore OutboxThrough(Azure.Core.Pipeline.HttpPipelinePolicy policy)
    {
        var options = new Azure.Data.Tables.TableClientOptions { Retry = { MaxRetries = 0 } };
        options.AddPolicy(policy, Azure.Core.HttpPipelinePosition.PerCall);
        var account = new StorageAccount(new Azure.Data.Tables.TableServiceClient(_azurite.ConnectionString, options), new Azure.Storage.Queues.QueueServiceClient(_azurite.ConnectionString), Prefix);
        return new OutboxStore(new DeliveryStorage(account, Storage.Waves.Count));
    }

    private string Prefix => Storage.Outbox.Name[..^DeliveryStorage.OutboxName.Length];

    public TimeProvider Time { get; }

    public DeliveryOptions Options { get; }

    public DeliveryStorage Storage { get; }

    public ReflectionStorage Reflection { get; }

    public TableConversationStore Conversations { get; }

    public OutboxStore Outbox { get; }

    public NudgeSettingsStore Settings { get; }

    public DeliverySignal Signal { get; }

    /// <summary>What features record messages with.</summary>
    public DeliveryOutbox Path { get; }

    public SlotStore Slots { get; }

    /// <summary>This world's privacy keys (its own random secret), which the route opens sealed addresses with.</summary>
    public PrivacyKeys Keys { get; } = PrivacyKeys.FromBase64(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    /// <summary>A generous ceiling and no backoff, so each test takes a second or two on the real clock.</summary>
    public static DeliveryOptions FastOptions() => new()
    {
        AppCeilingPerSecond = 400,
        CeilingHeadroom = 1,
        SlotTolerance = TimeSpan.FromMilliseconds(250),
        BaseBackoff = TimeSpan.Zero,
        VisibilityTimeout = TimeSpan.FromSeconds(1),
        SendLease = TimeSpan.FromSeconds(1),
        IdlePoll = TimeSpan.FromMilliseconds(20),
        MaxIdlePoll = TimeSpan.FromMilliseconds(200),
        MaxAttempts = 6,
        WorkerConcurrency = 8,
        ReservedForSingles = 2,
        QuietHours = false,
        NudgesPerDay = 0,
    };

    public static async Task<DeliveryWorld> NewAsync(int waveShards = 1, TimeProvider? time = null, DeliveryOptions? options = null)
    {
        var azurite = await SharedAzurite.GetAsync();
        var world = new DeliveryWorld(azurite.Account(Azurite.NewTablePrefix()), waveShards, time ?? TimeProvider.System, options ?? FastOptions());
        world._azurite = azurite;
        await world.Storage.CreateAllAsync(CancellationToken.None);
        await world.Reflection.CreateAllAsync(CancellationToken.None);
        await world.Account.CreateAsync(ConversationStorage.Declared, CancellationToken.None);
        return world;
    }

    public DeliveryWorker Worker(IDeliverySender sender, string instance, ILogger<DeliveryWorker>? logger = null, IAppInstaller? installer = null, DeliveryOptions? options = null, OutboxStore? outbox = null, TimeProvider? time = null)
    {
        options ??= Options;
        var quiet = new QuietHours(options);
        outbox ??= Outbox;
        var clock = time ?? Time;
        return new DeliveryWorker(
            Storage,
            outbox,
            new DeliveryRoute(Conversations, installer ?? new NoAppInstaller(), options, NullLogger<DeliveryRoute>.Instance, Keys),
            new NudgeGate(outbox, Settings, quiet, options, clock),
            new FleetSendPacer(Storage, options, clock),
            new ConversationPacer(Storage),
            sender,
            new DeliveryReactions([new PromptDelivery(Slots, clock)]),
            Signal,
            options,
            clock,
            logger ?? NullLogger<DeliveryWorker>.Instance,
            instance);
    }

    public ReflectionScheduler Scheduler(string instance, ReflectionOptions? options = null) => Scheduler(Time, instance, options);

    /// <summary>A scheduler on its own clock (a moved one, for calendar tests), handing prompts to this world's path.</summary>
    public ReflectionScheduler Scheduler(TimeProvider time, string instance, ReflectionOptions? options = null) =>
        new(new TableScheduleStore(Reflection), Slots, Storage, new DeliveryOutbox(Storage, Outbox, Signal, time, NullLogger<DeliveryOutbox>.Instance), options ?? new ReflectionOptions(), time, NullLogger<ReflectionScheduler>.Instance, instance);

    /// <summary>A queue message for a recorded message, as the queue would hand it over (for tests that drive the worker without queue traffic).</summary>
    public static Azure.Storage.Queues.Models.QueueMessage MessageFor(DeliveryRequest request, DateTimeOffset insertedOn) =>
        Azure.Storage.Queues.Models.QueuesModelFactory.QueueMessage(Guid.NewGuid().ToString(), "pop", DeliveryRef.Of(request).ToJson(), 1, insertedOn: insertedOn);

    /// <summary>A team channel the bot is in.</summary>
    public async Task<ConversationRecord> ChannelAsync(string conversationId, string? tenant = null)
    {
        var record = new ConversationRecord { TenantId = tenant ?? Tenant, ConversationId = conversationId, Kind = ConversationKind.Channel, ServiceUrl = ServiceUrl, ChannelId = "msteams", BotId = "28:bot", TeamId = conversationId, TeamName = "Team " + conversationId };
        await Conversations.SaveAsync(record, CancellationToken.None);
        return record;
    }

    /// <summary>A person's own chat with the bot.</summary>
    public async Task<ConversationRecord> PersonalChatAsync(string personId, string? tenant = null, string? timeZoneId = null)
    {
        var record = new ConversationRecord { TenantId = tenant ?? Tenant, ConversationId = "a:chat-" + personId, Kind = ConversationKind.Personal, ServiceUrl = ServiceUrl, ChannelId = "msteams", BotId = "28:bot", UserId = personId, TimeZoneId = timeZoneId };
        await Conversations.SaveAsync(record, CancellationToken.None);
        return record;
    }
}
