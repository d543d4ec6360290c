using Azure.Data.Tables;
using KindnessBot.Core.People;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Recognition;

/// <summary>
/// A person's recognitions: their giver partition (copies of what they gave, card markers, day counters), their
/// recipient partition (what they received, with their consent decisions) and the team copies that name them.
/// Erasing removes what they received and everything in their giver partition; what they gave stays with its
/// recipient (and in the team, if shared) with the giver's id and name taken out.
/// </summary>
public sealed class RecognitionPersonalData(StorageAccount account) : IPersonalDataSource
{
    private readonly TableClient _table = account.Table(RecognitionStorage.TableName);

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var given = await _table.RowsAsync(InPartition(TableRecognitionStore.GiverPartition(tenantId, person.TeamsId)), cancellationToken);
        var received = await _table.RowsAsync(InPartition(TableRecognitionStore.RecipientPartition(tenantId, person.TeamsId)), cancellationToken);
        var shared = await _table.RowsAsync(TeamCopiesNaming(tenantId, person.TeamsId), cancellationToken);
        return
        [
            PersonalRows.Section("recognitionsGiven", given),
            PersonalRows.Section("recognitionsReceived", received),
            PersonalRows.Section("recognitionsSharedWithTeams", shared),
        ];
    }

    public async Task<ErasureCount> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var id = person.TeamsId;
        var anonymised = 0;

        // What they gave: each recipient keeps the words, without the giver. Then the giver's own partition goes.
        foreach (var copy in await _table.RowsAsync(TableKey.RowsStartingWith(TableRecognitionStore.GiverPartition(tenantId, id), "r|"), cancellationToken))
        {
            if (copy.GetString("RecipientId") is { Length: > 0 } recipient
                && await TakeOutAsync(TableRecognitionStore.RecipientPartition(tenantId, recipient), copy.RowKey, "Giver", cancellationToken))
            {
                anonymised++;
            }
        }

        var erased = 0;
        foreach (var teamCopy in await _table.RowsAsync(TeamCopiesNaming(tenantId, id), cancellationToken))
        {
            if (teamCopy.GetString("RecipientId") == id)
            {
                await _table.DeleteAsync([teamCopy], cancellationToken);
                erased++;
            }
            else if (await TakeOutAsync(teamCopy.PartitionKey, teamCopy.RowKey, "Giver", cancellationToken))
            {
                anonymised++;
            }
        }

        // What they received: the givers keep their own copies, without the recipient.
        foreach (var copy in await _table.RowsAsync(TableKey.RowsStartingWith(TableRecognitionStore.RecipientPartition(tenantId, id), "r|"), cancellationToken))
        {
            if (copy.GetString("GiverId") is { Length: > 0 } giver
                && await TakeOutAsync(TableRecognitionStore.GiverPartition(tenantId, giver), copy.RowKey, "Recipient", cancellationToken))
            {
                anonymised++;
            }
        }

        erased += await PersonalRows.DeleteAllAsync(_table, InPartition(TableRecognitionStore.RecipientPartition(tenantId, id)), cancellationToken);
        erased += await PersonalRows.DeleteAllAsync(_table, InPartition(TableRecognitionStore.GiverPartition(tenantId, id)), cancellationToken);
        return new ErasureCount("recognitions", erased, anonymised);
    }

    private static string InPartition(string partition) => TableClient.CreateQueryFilter($"PartitionKey eq {partition}");

    /// <summary>Team copies in the tenant that name the person as giver or recipient.</summary>
    private static string TeamCopiesNaming(string tenantId, string personId) =>
        TableKey.PartitionsStartingWith(TableKey.Encode(tenantId) + "|t|") + " and " + TableClient.CreateQueryFilter($"(GiverId eq {personId} or RecipientId eq {personId})");

    /// <summary>
    /// Clears "{role}Id" and puts the neutral name in "{role}Name" on one row, under its ETag (read again on a conflict);
    /// false when the row is not there or no longer names anyone. Every take-out comes before the person's own rows are
    /// deleted, so a run stopped half-way is finished by the next.
    /// </summary>
    private async Task<bool> TakeOutAsync(string partition, string row, string role, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value!.GetString(role + "Id") is not { Length: > 0 })
            {
                return false;
            }

            var change = new TableEntity(partition, row) { [role + "Id"] = string.Empty, [role + "Name"] = PersonalRows.ErasedName };
            try
            {
                await _table.UpdateEntityAsync(change, found.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 412)
            {
                // Changed since it was read (a consent decision, a delivery): read again.
            }
        }

        // Before anything of the person's own is deleted, so pressing Yes again finds this row again and finishes.
        throw new InvalidOperationException("A recognition kept changing while the person was taken out of it.");
    }
}
