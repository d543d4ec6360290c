using Azure.Data.Tables;
using KindnessBot.Core.People;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Audit;

/// <summary>
/// The audit entries where the person is the one who acted. They are exported but not erased: the log is the record of
/// what leaders and admins did (and of exports and erasures themselves), kept for its own, longer period.
/// </summary>
public sealed class AuditPersonalData(StorageAccount account) : IPersonalDataSource
{
    private readonly TableClient _table = account.Table(AuditStorage.TableName);

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var rows = await _table.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableAuditLog.Partition(tenantId)} and ActorId eq {person.TeamsId}"), cancellationToken);
        return [PersonalRows.Section("auditEntriesAsActor", rows)];
    }

    public Task<ErasureCount> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken) =>
        Task.FromResult(new ErasureCount("audit", 0, 0));
}
