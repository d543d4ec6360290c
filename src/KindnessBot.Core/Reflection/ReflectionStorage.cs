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

    public ReflectionStorage(TableServiceClient tables, QueueServiceClient queues, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(prefix);
        _ = new Storage.KindnessTables(tables, prefix); // the same prefix rule, checked in one place
        Schedules = tables.GetTableClient(prefix + SchedulesName);
        Slots = tables.GetTableClient(prefix + SlotsName);
        Answers = tables.GetTableClient(prefix + AnswersName);
        Pacing = tables.GetTableClient(prefix + PacingName);
        var queuePrefix = prefix.Length == 0 ? "" : prefix.ToLowerInvariant() + "-";
        Prompts = queues.GetQueueClient(queuePrefix + PromptQueueName);
        Poison = queues.GetQueueClient(queuePrefix + PoisonQueueName);
    }

    public TableClient Schedules { get; }

    /// <summary>One row per (team, week): the claim that makes a prompt happen once, and what became of it.</summary>
    public TableClient Slots { get; }

    public TableClient Answers { get; }

    /// <summary>The fleet-wide send cursor of each tenant and the recent sends of each conversation.</summary>
    public TableClient Pacing { get; }

    public QueueClient Prompts { get; }

    public QueueClient Poison { get; }

    public IReadOnlyList<TableClient> Tables => [Schedules, Slots, Answers, Pacing];

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in Tables)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }

        await Prompts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}
