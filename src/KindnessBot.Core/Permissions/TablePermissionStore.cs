using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// One table; every key is built here, tenant first. "{tenant}|s|{scope}" holds a scope's statements ("s|{key}"),
/// the markers of who read each ("read|{key}|{person}"), one marker per "Post it" card ("card|{card id}") and its
/// decisions ("d|{key}"): the flex log is one partition query. "{tenant}|p|{person}" holds one marker per decision card
/// ("card|{card id}", a copy of the decision) and a counter per day ("day|yyyyMMdd", for the daily limit).
/// "due|yyyyMMdd" is the calendar of reminders and expiries ("{tenant}|{scope}|{key}").
/// </summary>
public sealed class TablePermissionStore(StorageAccount account) : IPermissionStore
{
    public const int ReminderDaysBefore = 3;
    private const int MaxAttempts = 100;
    private const int MaxCounterAttempts = 5;
    private readonly TableClient _table = account.Table(PermissionStorage.TableName);

    public async Task<PermissionStatement> AddAsync(PermissionStatement statement, string cardId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var partition = ScopePartition(statement.TenantId, statement.ScopeId);
        var marker = new TableEntity(partition, CardRow(cardId)) { ["StatementKey"] = statement.Key };
        try
        {
            // The marker and the statement in one transaction: a card has made its statement, or nothing at all.
            await _table.SubmitTransactionAsync([new(TableTransactionActionType.Add, marker), new(TableTransactionActionType.Add, ToEntity(statement))], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status == 409)
        {
            var made = await _table.GetEntityAsync<TableEntity>(partition, CardRow(cardId), cancellationToken: cancellationToken);
            statement = (await FindAsync(statement.TenantId, statement.ScopeId, made.Value.GetString("StatementKey"), cancellationToken))!;
        }

        // Again on a resubmit too, in case the first submit stopped before it: the calendar rows are the same each time.
        await ScheduleAsync(statement, cancellationToken);
        return statement;
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
        return found.HasValue ? PermissionEntities.Statement(found.Value!) : null;
    }

    public async Task<IReadOnlyList<PermissionStatement>> ListAsync(string tenantId, string scopeId, int max, CancellationToken cancellationToken)
    {
        var statements = new List<PermissionStatement>();
        await foreach (var entity in QueryRowsAsync(ScopePartition(tenantId, scopeId), "s|", cancellationToken))
        {
            statements.Add(PermissionEntities.Statement(entity));
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

            var current = PermissionEntities.Statement(found.Value!);
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

    public async Task<(AddDecisionOutcome Outcome, FlexDecision Stored)> AddDecisionAsync(FlexDecision decision, string cardId, int dailyLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var personPartition = PersonPartition(decision.TenantId, decision.PersonId);
        var dayRow = "day|" + decision.MadeAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var cardRow = CardRow(cardId);
        for (var attempt = 1; ; attempt++)
        {
            var counter = await _table.GetEntityIfExistsAsync<TableEntity>(personPartition, dayRow, cancellationToken: cancellationToken);
            var made = counter.HasValue ? counter.Value!.GetInt32("Count") ?? 0 : 0;
            if (made >= dailyLimit)
            {
                var earlier = await _table.GetEntityIfExistsAsync<TableEntity>(personPartition, cardRow, cancellationToken: cancellationToken);
                return earlier.HasValue
                    ? (AddDecisionOutcome.Duplicate, await CompleteAsync(PermissionEntities.Decision(earlier.Value!), cancellationToken))
                    : (AddDecisionOutcome.DailyLimitReached, decision);
            }

            // The card's marker (a copy of the decision, so a resubmit can finish what this submit starts) and the day's
            // count in one transaction, the count under its ETag: concurrent submits cannot pass the limit together.
            var day = new TableEntity(personPartition, dayRow) { ["Count"] = made + 1 };
            TableTransactionAction[] batch =
            [
                new(TableTransactionActionType.Add, PermissionEntities.Decision(decision, personPartition, cardRow)),
                counter.HasValue ? new(TableTransactionActionType.UpdateReplace, day, counter.Value!.ETag) : new(TableTransactionActionType.Add, day),
            ];
            try
            {
                await _table.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status == 409)
            {
                var earlier = await _table.GetEntityAsync<TableEntity>(personPartition, cardRow, cancellationToken: cancellationToken);
                return (AddDecisionOutcome.Duplicate, await CompleteAsync(PermissionEntities.Decision(earlier.Value), cancellationToken));
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 1 && ex.Status is 409 or 412 && attempt < dailyLimit + MaxCounterAttempts)
            {
                // Another submit by the same person moved the day's count first: read it again. Each conflict means
                // another submit was counted, so within the limit there are at most dailyLimit of them.
                continue;
            }

            return (AddDecisionOutcome.Added, await CompleteAsync(decision, cancellationToken));
        }
    }

    public async Task<IReadOnlyList<FlexDecision>> DecisionsAsync(string tenantId, string scopeId, CancellationToken cancellationToken)
    {
        var decisions = new List<FlexDecision>();
        await foreach (var entity in QueryRowsAsync(ScopePartition(tenantId, scopeId), "d|", cancellationToken))
        {
            decisions.Add(PermissionEntities.Decision(entity));
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

    public static string PersonPartition(string tenantId, string personId) => TableKey.Compose(tenantId, "p", personId);

    private static string DuePartition(DateOnly day) => "due|" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string StatementRow(string key) => "s|" + key;

    private static string DecisionRow(string key) => "d|" + key;

    private static string CardRow(string cardId) => "card|" + TableKey.Encode(cardId);

    private static TableEntity ToEntity(PermissionStatement s) => PermissionEntities.Statement(s, ScopePartition(s.TenantId, s.ScopeId), StatementRow(s.Key));

    /// <summary>
    /// Puts a counted decision in its scope's log and raises the used count of the statement it relied on, in one
    /// transaction (the count under its ETag): a decision is in the log exactly when it is counted. Safe to repeat: once
    /// the decision is there, nothing more is written.
    /// </summary>
    private async Task<FlexDecision> CompleteAsync(FlexDecision decision, CancellationToken cancellationToken)
    {
        var partition = ScopePartition(decision.TenantId, decision.ScopeId);
        for (var conflicts = 0; conflicts < MaxAttempts; conflicts++)
        {
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, PermissionEntities.Decision(decision, partition, DecisionRow(decision.Key))) };
            if (decision.StatementKey is { } key
                && await _table.GetEntityIfExistsAsync<TableEntity>(partition, StatementRow(key), cancellationToken: cancellationToken) is { HasValue: true } found)
            {
                var statement = PermissionEntities.Statement(found.Value!);
                actions.Add(new(TableTransactionActionType.UpdateReplace, ToEntity(statement with { UsedCount = statement.UsedCount + 1 }), found.Value!.ETag));
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return decision;
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status == 409)
            {
                return decision; // an earlier submit of this card wrote it, and counted it
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 1 && ex.Status == 412)
            {
                // The statement changed since we read it (a read, another decision): read again.
                await Task.Delay(Random.Shared.Next(1, 5 + conflicts), cancellationToken);
            }
        }

        throw new InvalidOperationException($"A permission statement was changed by others {MaxAttempts} times in a row.");
    }

    private AsyncPageable<TableEntity> QueryRowsAsync(string partition, string prefix, CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        return _table.QueryAsync<TableEntity>(TableKey.RowsStartingWith(partition, prefix), select: select, cancellationToken: cancellationToken);
    }
}
