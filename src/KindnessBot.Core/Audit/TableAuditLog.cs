using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Audit;

/// <summary>
/// One partition per tenant, rows keyed by <see cref="RecordKey"/> (newest first). Rows are only ever inserted: the
/// product has no way to change an entry, and only retention (<see cref="AuditRetention"/>) removes one, after its period.
/// </summary>
public sealed class TableAuditLog(StorageAccount account) : IAuditLog
{
    private readonly TableClient _table = account.Table(AuditStorage.TableName);

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new TableEntity(Partition(entry.TenantId), RecordKey.New(entry.At))
        {
            ["At"] = entry.At,
            ["ActorId"] = entry.ActorId,
            ["ActorName"] = entry.ActorName,
            ["Action"] = entry.Action.ToString(),
            ["ScopeId"] = entry.ScopeId,
            ["Subject"] = entry.Subject,
        };
        await _table.AddEntityAsync(row, cancellationToken);
    }

    public async Task<AuditPage> ReadAsync(string tenantId, string? before, int pageSize, CancellationToken cancellationToken)
    {
        var partition = Partition(tenantId);
        var filter = before is not null && RecordKey.IsKey(before)
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {before}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var entries = new List<(string Key, AuditEntry Entry)>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize + 1, cancellationToken: cancellationToken))
        {
            entries.Add((e.RowKey, new AuditEntry(
                tenantId, e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, e.GetString("ActorId"), e.GetString("ActorName"),
                Enum.TryParse<AuditAction>(e.GetString("Action"), out var action) ? action : default, e.GetString("ScopeId"), e.GetString("Subject"))));
            if (entries.Count > pageSize)
            {
                break;
            }
        }

        var page = entries.Take(pageSize).ToList();
        return new AuditPage([.. page.Select(p => p.Entry)], entries.Count > pageSize ? page[^1].Key : null);
    }

    internal static string Partition(string tenantId) => TableKey.Compose(tenantId, "audit");
}
