using Azure.Data.Tables;
using KindnessBot.Core.People;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Listening;

/// <summary>
/// A person's named pulse answers, found through their own list (a keyed tag; only named answers are listed). "Delete my
/// data" removes those answers and the list. Anonymous answers are under a tag per pulse that nothing lists, by design:
/// they go with their pulse.
/// </summary>
public sealed class PulsePersonalData(ListeningStorage storage, PulseService pulses) : IPersonalDataSource
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var answers = new List<TableEntity>();
        foreach (var listed in await ListAsync(tenantId, person, cancellationToken))
        {
            var found = await storage.Table.GetEntityIfExistsAsync<TableEntity>(ListeningKeys.AnswerPartition(tenantId, listed.RowKey), listed.GetString("Tag") ?? "-", cancellationToken: cancellationToken);
            if (found.HasValue && found.Value!.GetBoolean("Named") == true)
            {
                answers.Add(found.Value);
            }
        }

        return [PersonalRows.Section("pulseAnswersNamed", answers)];
    }

    public async Task<ErasureCount> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var erased = 0;
        foreach (var listed in await ListAsync(tenantId, person, cancellationToken))
        {
            await storage.Table.DeleteIfThereAsync(ListeningKeys.AnswerPartition(tenantId, listed.RowKey), listed.GetString("Tag") ?? "-", cancellationToken);
            await storage.Table.DeleteIfThereAsync(listed.PartitionKey, listed.RowKey, cancellationToken);
            erased++;
        }

        return new ErasureCount("pulses", erased, 0);
    }

    private Task<List<TableEntity>> ListAsync(string tenantId, Person person, CancellationToken cancellationToken) =>
        storage.Table.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Compose(tenantId, "n", pulses.NamedTag(tenantId, person.TeamsId))}"), cancellationToken);
}
