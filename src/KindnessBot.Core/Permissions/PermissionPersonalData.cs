using Azure.Data.Tables;
using KindnessBot.Core.People;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// A person's rows in the Permissions table: their own partition (a copy of each decision and the day counters), the
/// decisions in their teams' logs, the markers that they read a statement, and the statements they posted as a leader.
/// Erasing removes the first three; statements stay with the team they were posted to (who posted them is also in the
/// audit log), and the read and used counts stay, as they name nobody.
/// </summary>
public sealed class PermissionPersonalData(StorageAccount account) : IPersonalDataSource
{
    private readonly TableClient _table = account.Table(PermissionStorage.TableName);

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var own = await _table.RowsAsync(OwnPartition(tenantId, person.TeamsId), cancellationToken);
        var scoped = await ScopeRowsAsync(tenantId, person.TeamsId, cancellationToken);
        return
        [
            PersonalRows.Section("decisionsRecorded", [.. own, .. scoped.Where(r => r.RowKey.StartsWith("d|", StringComparison.Ordinal))]),
            PersonalRows.Section("statementsRead", scoped.Where(IsMarker)),
            PersonalRows.Section("statementsPosted", scoped.Where(r => r.RowKey.StartsWith("s|", StringComparison.Ordinal))),
        ];
    }

    public async Task<ErasureCount> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var erasable = (await ScopeRowsAsync(tenantId, person.TeamsId, cancellationToken)).Where(r => !r.RowKey.StartsWith("s|", StringComparison.Ordinal)).ToList();
        await _table.DeleteAsync(erasable, cancellationToken);
        var erased = erasable.Count + await PersonalRows.DeleteAllAsync(_table, OwnPartition(tenantId, person.TeamsId), cancellationToken);
        return new ErasureCount("permissions", erased, 0);
    }

    private static string OwnPartition(string tenantId, string personId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TablePermissionStore.PersonPartition(tenantId, personId)}");

    private static bool IsMarker(TableEntity row) => row.RowKey.StartsWith("read|", StringComparison.Ordinal);

    /// <summary>
    /// The rows of the tenant's teams and chats that are the person's: their decisions, their statements, and their read
    /// markers (whose only trace of them is the end of the row key, so the scopes are read and matched here).
    /// </summary>
    private async Task<List<TableEntity>> ScopeRowsAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        var markerEnd = "|" + TableKey.Encode(personId);
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableKey.PartitionsStartingWith(TableKey.Encode(tenantId) + "|s|"), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var mine = row.RowKey.StartsWith("d|", StringComparison.Ordinal) ? row.GetString("PersonId") == personId
                : row.RowKey.StartsWith("s|", StringComparison.Ordinal) ? row.GetString("LeaderId") == personId
                : IsMarker(row) && row.RowKey.EndsWith(markerEnd, StringComparison.Ordinal);
            if (mine)
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
