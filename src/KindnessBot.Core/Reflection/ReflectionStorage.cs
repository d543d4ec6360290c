using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Reflection;

/// <summary>The tables and queues of the reflection feature, named in one place and kept in the product's <see cref="StorageAccount"/>.</summary>
public sealed class ReflectionStorage
{
    public const string SchedulesName = "ReflectionSchedules";
    public const string SlotsName = "ReflectionSlots";
    public const string AnswersName = "ReflectionAnswers";
    private const string Feature = "Reflection";

    /// <summary>What the feature keeps, as infra/main.bicep creates it. Its prompts go through the delivery path's queues.</summary>
    public static IReadOnlyList<StorageDeclaration> Declared { get; } =
    [
        StorageDeclaration.Table(SchedulesName, Feature), StorageDeclaration.Table(SlotsName, Feature), StorageDeclaration.Table(AnswersName, Feature),
    ];

    private readonly StorageAccount _account;

    public ReflectionStorage(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _account = account;
        Schedules = account.Table(SchedulesName);
        Slots = account.Table(SlotsName);
        Answers = account.Table(AnswersName);
    }

    public TableClient Schedules { get; }

    /// <summary>One row per (team, week): the claim that makes a prompt happen once, and what became of it.</summary>
    public TableClient Slots { get; }

    public TableClient Answers { get; }

    /// <summary>Creates the feature's tables, if not there yet.</summary>
    public Task CreateAllAsync(CancellationToken cancellationToken) => _account.CreateAsync(Declared, cancellationToken);
}
