using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// What permissions count for the Learning dashboard, the same whether counted as it happens or replayed from the rows.
/// Statements and their reads count in the week the statement was posted (so "read" is how many people read the
/// statements of that week); decisions count in the week they were made.
/// </summary>
public static class PermissionMeasures
{
    public static Measure Issued(PermissionStatement s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.TenantId, s.ScopeId, Metrics.PermissionsIssued, s.Key, s.PostedAt, PersonId: Person(s.LeaderId));
    }

    public static Measure Read(PermissionStatement s, string personId)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.TenantId, s.ScopeId, Metrics.PermissionsRead, $"{s.Key}|{personId}", s.PostedAt, PersonId: personId);
    }

    public static IEnumerable<Measure> Decided(FlexDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var person = Person(d.PersonId);
        if (d.StatementKey is { } key)
        {
            yield return new(d.TenantId, d.ScopeId, Metrics.DecisionsWithStatement, d.Key, d.MadeAt, PersonId: person);
            yield return new(d.TenantId, d.ScopeId, Metrics.PermissionsUsed, key, d.MadeAt, PersonId: person);
        }
        else
        {
            yield return new(d.TenantId, d.ScopeId, Metrics.DecisionsWithoutStatement, d.Key, d.MadeAt, PersonId: person);
        }
    }

    // Someone who erased their data is no longer named: they still count, as no one in particular.
    private static string? Person(string? id) => string.IsNullOrEmpty(id) ? null : id;
}

/// <summary>Permissions' measures replayed from the Permissions table for "rebuild aggregates": every scope partition of the tenant (statements, read markers, decisions).</summary>
public sealed class PermissionMeasureSource(StorageAccount account) : IMeasureSource
{
    private readonly TableClient _table = account.Table(PermissionStorage.TableName);

    public async IAsyncEnumerable<Measure> ReplayAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scopes = TableKey.Compose(tenantId, "s") + "|";
        var statements = new Dictionary<(string Partition, string Key), PermissionStatement>();
        var reads = new List<(string Partition, string Key, string Person)>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {scopes} and PartitionKey lt {scopes[..^1] + "}"}"), cancellationToken: cancellationToken))
        {
            var parts = row.RowKey.Split('|');
            switch (parts[0])
            {
                case "s":
                    var statement = PermissionEntities.Statement(row);
                    statements[(row.PartitionKey, statement.Key)] = statement;
                    yield return PermissionMeasures.Issued(statement);
                    break;
                case "read" when parts.Length == 3:
                    reads.Add((row.PartitionKey, parts[1], TableKey.Decode(parts[2])));
                    break;
                case "d":
                    foreach (var measure in PermissionMeasures.Decided(PermissionEntities.Decision(row)))
                    {
                        yield return measure;
                    }

                    break;
            }
        }

        foreach (var (partition, key, person) in reads)
        {
            if (statements.TryGetValue((partition, key), out var statement))
            {
                yield return PermissionMeasures.Read(statement, person);
            }
        }
    }
}
