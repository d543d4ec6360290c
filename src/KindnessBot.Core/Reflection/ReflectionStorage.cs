using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// The tables and queues of the reflection feature, named in one place, with the same prefix rule as
/// <see cref="Storage.KindnessTables"/> (queue names are the prefix in lower case, then a dash).
/// </summary>
public sealed class ReflectionStorage
{
    public const string SchedulesName = "ReflectionSchedules";
    public const string SlotsName = "ReflectionSlots";
    public const string AnswersName = "ReflectionAnswers";
    public const string PacingName = "SendPacing";
    public const string PromptQueueName = "reflection-prompts";
    public const string PoisonQueueName = "reflection-prompts-poison";

    /// <summary>The tables, unprefixed, as infra/main.bicep creates them.</summary>
    public static IReadOnlyList<string> TableNames { get; } = [SchedulesName, SlotsName, AnswersName, PacingName];

    /// <param name="promptQueues">
    /// Prompt queue shards (1 to 64). Prompts spread over them by team. One is plenty for Azure; Azurite's queue
    /// service slows down with depth (receive and delete scan the queue), so a local fan-out to thousands of teams
    /// wants several.
    /// </param>
    public ReflectionStorage(TableServiceClient tables, QueueServiceClient queues, string prefix = "", int promptQueues = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(promptQueues, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(promptQueues, 64);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(prefix);
        Storage.KindnessTables.EnsureValidPrefix(prefix);
        Schedules = tables.GetTableClient(prefix + SchedulesName);
        Slots = tables.GetTableClient(prefix + SlotsName);
        Answers = tables.GetTableClient(prefix + AnswersName);
        Pacing = tables.GetTableClient(prefix + PacingName);
        var queuePrefix = prefix.Length == 0 ? "" : prefix.ToLowerInvariant() + "-";
        PromptQueues = [.. Enumerable.Range(0, promptQueues).Select(i => queues.GetQueueClient(queuePrefix + PromptQueueName + (i == 0 ? "" : "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))];
        Poison = queues.GetQueueClient(queuePrefix + PoisonQueueName);
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

    public IReadOnlyList<TableClient> Tables => [Schedules, Slots, Answers, Pacing];

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in Tables)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }

        foreach (var queue in PromptQueues)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        await Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}
