using Azure.Data.Tables;
using KindnessBot.Core.People;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// A person's reflection data: their named answers, and the weekly schedules they set up as a leader. Anonymous answers
/// are not here and cannot be: their rows hold no id, and their keys are a keyed hash this class never computes, so
/// nothing (this feature included) can find a person's anonymous answers. Erasing removes the named answers; a
/// schedule is the team's setting and stays (who set it up is also in the audit log).
/// </summary>
public sealed class ReflectionPersonalData(ReflectionStorage storage) : IPersonalDataSource
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var answers = await storage.Answers.RowsAsync(NamedAnswers(tenantId, person.TeamsId), cancellationToken);
        var schedules = await storage.Schedules.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(tenantId)} and CreatedBy eq {person.TeamsId}"), cancellationToken);
        return [PersonalRows.Section("reflectionAnswersNamed", answers), PersonalRows.Section("reflectionSchedulesSetUp", schedules)];
    }

    public async Task<ErasureCount> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new ErasureCount("reflection", await PersonalRows.DeleteAllAsync(storage.Answers, NamedAnswers(tenantId, person.TeamsId), cancellationToken), 0);
    }

    private static string NamedAnswers(string tenantId, string personId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(tenantId)} and Anonymous eq {false} and UserId eq {personId}");
}
