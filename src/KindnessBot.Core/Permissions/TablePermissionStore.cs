using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// One table. "{tenant}|s|{scope}" holds a scope's statements ("s|{key}"), the markers of who read or used each
/// ("read|{key}|{person}", "used|…") and its decisions ("d|{key}"): the flex log is one partition query.
/// "due|yyyyMMdd" is the calendar of reminders and expiries ("{tenant}|{scope}|{key}").
/// </summary>
public sealed class TablePermissionStore(StorageAccount account) : IPermissionStore
{
    public const int ReminderDaysBefore = 3;
    private const int MaxAttempts = 100;
    private readonly TableClient _table = account.Table(PermissionStorage.TableName);

    public async Task AddAsync(PermissionStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        await _table.AddEntityAsync(ToEntity(statement), cancellationToken);
        await ScheduleAsync(statement, cancellationToken);
    }

    public async Task ScheduleAsync(PermissionStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var reference = TableKey.Compose(statement.TenantId, statement.ScopeId, statement.Key);
        foreach (var day in new[] { statement.ValidUntil.AddDays(-ReminderDaysBefore), statement.ValidUntil.AddDays(1) })
        {
            await _table.UpsertEntityAsync(new TableEntity(DuePartition(day), reference), TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<PermissionStatement?> FindAsync(string tenantId, string scopeId, string key, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(ScopePartition(tenantId, scopeId), StatementRow(key), cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<IReadOnlyList<PermissionStatement>> ListAsync(string tenantId, string scopeId, int max, CancellationToken cancellationToken)
    {
        var statements = new List<PermissionStatement>();
        await foreach (var entity in QueryRowsAsync(ScopePartition(tenantId, scopeId), "s|", cancellationToken))
        {
            statements.Add(FromEntity(entity));
            if (statements.Count >= max)
            {
                break;
            }
        }

        return statements;
    }

    public async Task<(PermissionStatement? Statement, int Conflicts)> UpdateAsync(string tenantId, string scopeId, string key, Func<PermissionStatement, PermissionStatement?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var conflicts = 0; conflicts < MaxAttempts; conflicts++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(ScopePartition(tenantId, scopeId), StatementRow(key), cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                return (null, conflicts);
            }

            var current = FromEntity(found.Value!);
            if (change(current) is not { } changed)
            {
                return (current, conflicts);
            }

            try
            {
                await _table.UpdateEntityAsync(ToEntity(changed), found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return (changed, conflicts);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Someone else changed it since we read it: read again and re-apply the change.
                await Task.Delay(Random.Shared.Next(1, 5 + conflicts), cancellationToken);
            }
        }

        throw new InvalidOperationException($"A permission statement was changed by others {MaxAttempts} times in a row.");
    }

    public async Task<bool> TryMarkAsync(PermissionStatement statement, string kind, string personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        try
        {
            await _table.AddEntityAsync(new TableEntity(ScopePartition(statement.TenantId, statement.ScopeId), $"{kind}|{statement.Key}|{TableKey.Encode(personId)}"), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<int> CountMarksAsync(PermissionStatement statement, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var count = 0;
        var prefix = $"{kind}|{statement.Key}|";
        await foreach (var page in QueryRowsAsync(ScopePartition(statement.TenantId, statement.ScopeId), prefix, cancellationToken, select: ["RowKey"]).AsPages(pageSizeHint: 1000))
        {
            count += page.Values.Count;
        }

        return count;
    }

    public async Task AddDecisionAsync(FlexDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var entity = new TableEntity(ScopePartition(decision.TenantId, decision.ScopeId), "d|" + decision.Key)
        {
            ["TenantId"] = decision.TenantId,
            ["ScopeId"] = decision.ScopeId,
            ["Key"] = decision.Key,
            ["PersonId"] = decision.PersonId,
            ["PersonName"] = decision.PersonName,
            ["Decided"] = decision.Decided,
            ["ForWhom"] = decision.ForWhom,
            ["StatementKey"] = decision.StatementKey,
            ["Outcome"] = decision.Outcome,
            ["ShareAsStory"] = decision.ShareAsStory,
            ["MadeAt"] = decision.MadeAt,
        };
        await _table.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<IReadOnlyList<FlexDecision>> DecisionsAsync(string tenantId, string scopeId, CancellationToken cancellationToken)
    {
        var decisions = new List<FlexDecision>();
        await foreach (var e in QueryRowsAsync(ScopePartition(tenantId, scopeId), "d|", cancellationToken))
        {
            decisions.Add(new FlexDecision
            {
                TenantId = e.GetString("TenantId"),
                ScopeId = e.GetString("ScopeId"),
                Key = e.GetString("Key"),
                PersonId = e.GetString("PersonId"),
                PersonName = e.GetString("PersonName"),
                Decided = e.GetString("Decided"),
                ForWhom = e.GetString("ForWhom"),
                StatementKey = e.GetString("StatementKey"),
                Outcome = e.GetString("Outcome"),
                ShareAsStory = e.GetBoolean("ShareAsStory") ?? false,
                MadeAt = e.GetDateTimeOffset("MadeAt") ?? DateTimeOffset.MinValue,
            });
        }

        return decisions;
    }

    public async Task<IReadOnlyList<(string TenantId, string ScopeId, string Key)>> DueOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var due = new List<(string, string, string)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DuePartition(day)}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            var parts = entity.RowKey.Split('|');
            due.Add((TableKey.Decode(parts[0]), TableKey.Decode(parts[1]), TableKey.Decode(parts[2])));
        }

        return due;
    }

    public static string ScopePartition(string tenantId, string scopeId) => TableKey.Compose(tenantId, "s", scopeId);

    private static string DuePartition(DateOnly day) => "due|" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string StatementRow(string key) => "s|" + key;

    private AsyncPageable<TableEntity> QueryRowsAsync(string partition, string prefix, CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        return _table.QueryAsync<TableEntity>(TableKey.RowsStartingWith(partition, prefix), select: select, cancellationToken: cancellationToken);
    }

    private static TableEntity ToEntity(PermissionStatement s) => new(ScopePartition(s.TenantId, s.ScopeId), StatementRow(s.Key))
    {
        ["TenantId"] = s.TenantId,
        ["ScopeId"] = s.ScopeId,
        ["ConversationId"] = s.ConversationId,
        ["Key"] = s.Key,
        ["LeaderId"] = s.LeaderId,
        ["LeaderName"] = s.LeaderName,
        ["What"] = s.What,
        ["Boundaries"] = s.Boundaries,
        ["Commitments"] = string.Join(',', s.Commitments),
        ["ValidFrom"] = s.ValidFrom.ToString("O", CultureInfo.InvariantCulture),
        ["ValidUntil"] = s.ValidUntil.ToString("O", CultureInfo.InvariantCulture),
        ["PostedAt"] = s.PostedAt,
        ["Revoked"] = s.Revoked,
        ["ActivityId"] = s.ActivityId,
        ["ReadCount"] = s.ReadCount,
        ["UsedCount"] = s.UsedCount,
        ["RemindedFor"] = s.RemindedFor?.ToString("O", CultureInfo.InvariantCulture),
    };

    private static PermissionStatement FromEntity(TableEntity e) => new()
    {
        TenantId = e.GetString("TenantId"),
        ScopeId = e.GetString("ScopeId"),
        ConversationId = e.GetString("ConversationId"),
        Key = e.GetString("Key"),
        LeaderId = e.GetString("LeaderId"),
        LeaderName = e.GetString("LeaderName"),
        What = e.GetString("What"),
        Boundaries = e.GetString("Boundaries"),
        Commitments = [.. e.GetString("Commitments").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Commitment>)],
        ValidFrom = DateOnly.Parse(e.GetString("ValidFrom"), CultureInfo.InvariantCulture),
        ValidUntil = DateOnly.Parse(e.GetString("ValidUntil"), CultureInfo.InvariantCulture),
        PostedAt = e.GetDateTimeOffset("PostedAt") ?? DateTimeOffset.MinValue,
        Revoked = e.GetBoolean("Revoked") ?? false,
        ActivityId = e.GetString("ActivityId"),
        ReadCount = e.GetInt32("ReadCount") ?? 0,
        UsedCount = e.GetInt32("UsedCount") ?? 0,
        RemindedFor = e.GetString("RemindedFor") is { } reminded ? DateOnly.Parse(reminded, CultureInfo.InvariantCulture) : null,
    };
}
