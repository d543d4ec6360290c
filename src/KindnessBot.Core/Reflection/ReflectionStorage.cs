using Azure.Data.Tables;
using Azure.Storage.Queues;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Reflection;

/// <summary>The tables and queues of the reflection feature, named in one place and kept in the product's <see cref="StorageAccount"/>.</summary>
public sealed class ReflectionStorage
{
    public const string SchedulesName = "ReflectionSchedules";
    public const string SlotsName = "ReflectionSlots";
    public const string AnswersName = "ReflectionAnswers";
    public const string PacingName = "SendPacing";
    public const string PromptQueueName = "reflection-prompts";
    public const string PoisonQueueName = "reflection-prompts-poison";
    private const string Feature = "Reflection";

    /// <summary>What the feature keeps (with one prompt queue, as the host runs it), as infra/main.bicep creates it.</summary>
    public static IReadOnlyList<StorageDeclaration> Declared { get; } =
    [
        StorageDeclaration.Table(SchedulesName, Feature), StorageDeclaration.Table(SlotsName, Feature), StorageDeclaration.Table(AnswersName, Feature),
        StorageDeclaration.Table(PacingName, Feature), StorageDeclaration.Queue(PromptQueueName, Feature), StorageDeclaration.Queue(PoisonQueueName, Feature),
    ];

    private readonly IReadOnlyList<StorageDeclaration> _declared;
    private readonly StorageAccount _account;

    /// <param name="promptQueues">
    /// Prompt queue shards (1 to 64). Prompts spread over them by team. One is plenty for Azure; Azurite's queue
    /// service slows down with depth (receive and delete scan the queue), so a local fan-out to thousands of teams
    /// wants several.
    /// </param>
    public ReflectionStorage(StorageAccount account, int promptQueues = 1)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentOutOfRangeException.ThrowIfLessThan(promptQueues, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(promptQueues, 64);
        _account = account;
        Schedules = account.Table(SchedulesName);
        Slots = account.Table(SlotsName);
        Answers = account.Table(AnswersName);
        Pacing = account.Table(PacingName);
        var shards = Enumerable.Range(1, promptQueues - 1).Select(i => StorageDeclaration.Queue(PromptQueueName + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Feature));
        _declared = [.. Declared, .. shards];
        PromptQueues = [account.Queue(PromptQueueName), .. shards.Select(s => account.Queue(s.Name))];
        Poison = account.Queue(PoisonQueueName);
    }

    public TableClient Schedules { get; }

    /// <summary>One row per (team, week): the claim that makes a prompt happen once, and what became of it.</summary>
    public TableClient Slots { get; }

    public TableClient Answers { get; }

    /// <summary>The fleet-wide send cursor of each tenant and the recent sends of each conversation.</summary>
    public TableClient Pacing { get; }

    /// <summary>The first (or only) prompt queue.</summary>
    public QueueClient Prompts => PromptQueues[0];

    public IReadOnlyList<QueueClient> PromptQueues { get; }

    /// <summary>The prompt queue a team's prompts go to.</summary>
    public QueueClient QueueFor(string teamId) =>
        PromptQueues.Count == 1 ? PromptQueues[0] : PromptQueues[(int)(Fnv1a(teamId) % (uint)PromptQueues.Count)];

    // A stable hash (string.GetHashCode differs between processes, and every instance must agree).
    private static uint Fnv1a(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public QueueClient Poison { get; }

    /// <summary>Creates every table and queue this instance uses (all its prompt queue shards), if not there yet.</summary>
    public Task CreateAllAsync(CancellationToken cancellationToken) => _account.CreateAsync(_declared, cancellationToken);
}
