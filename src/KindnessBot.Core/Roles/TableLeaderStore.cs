using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Roles;

/// <summary>
/// One row per team or group chat. PartitionKey: the tenant. RowKey: "team|{team or chat}". The leaders are a JSON list
/// on that row, so every change is one ETag-checked write: concurrent adds are retried until each lands, and the
/// last-leader rule cannot be raced past. The row is inserted (never upserted) when the team is founded, and never
/// deleted: removing the bot leaves it, so a reinstall finds it and founds nothing.
/// </summary>
public sealed class TableLeaderStore(StorageAccount account, TimeProvider time) : ILeaderStore
{
    /// <summary>Enough for any team; keeps the row, and the leaders card, well inside their limits.</summary>
    public const int MaxLeaders = 12;

    private const int MaxAttempts = 10;
    private readonly TableClient _table = account.Table(RoleStorage.TableName);

    public async Task<TeamLeaders?> FindAsync(string tenantId, string scopeId, CancellationToken cancellationToken)
    {
        var read = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId), Row(scopeId), cancellationToken: cancellationToken);
        return read.HasValue ? FromEntity(read.Value!) : null;
    }

    public async Task<bool> TryFoundAsync(string tenantId, string scopeId, TeamLeader? founder, CancellationToken cancellationToken)
    {
        var row = ToEntity(tenantId, scopeId, founder is null ? [] : [founder]);
        row["FoundedBy"] = founder?.TeamsId ?? string.Empty;
        row["FoundedAt"] = time.GetUtcNow();
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false; // founded before: by an earlier install, a retry, another instance, or a leader added first
        }
    }

    public Task<LeaderChange> AddAsync(string tenantId, string scopeId, TeamLeader leader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leader);
        return ChangeAsync(tenantId, scopeId, leaders =>
            leaders.Any(l => l.TeamsId == leader.TeamsId) ? (LeaderChange.AlreadySo, leaders)
            : leaders.Count >= MaxLeaders ? (LeaderChange.Full, leaders)
            : (LeaderChange.Added, [.. leaders, leader]), cancellationToken);
    }

    public Task<LeaderChange> RemoveAsync(string tenantId, string scopeId, string teamsId, bool mayRemoveLast, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, scopeId, leaders =>
            !leaders.Any(l => l.TeamsId == teamsId) ? (LeaderChange.AlreadySo, leaders)
            : leaders.Count == 1 && !mayRemoveLast ? (LeaderChange.LastLeader, leaders)
            : (LeaderChange.Removed, [.. leaders.Where(l => l.TeamsId != teamsId)]), cancellationToken);

    private async Task<LeaderChange> ChangeAsync(string tenantId, string scopeId, Func<IReadOnlyList<TeamLeader>, (LeaderChange Outcome, IReadOnlyList<TeamLeader> Leaders)> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId), Row(scopeId), cancellationToken: cancellationToken);
            var current = read.HasValue ? FromEntity(read.Value!) : null;
            var (outcome, leaders) = change(current?.Leaders ?? []);
            if (outcome is not (LeaderChange.Added or LeaderChange.Removed))
            {
                return outcome;
            }

            var row = ToEntity(tenantId, scopeId, leaders);
            row["FoundedBy"] = current?.FoundedBy ?? string.Empty;
            if (current?.FoundedAt is { } foundedAt)
            {
                row["FoundedAt"] = foundedAt;
            }

            if (await _table.TryAddOrReplaceAsync(row, read, cancellationToken))
            {
                return outcome;
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException("The team's leaders kept changing while this change was being made.");
            }
        }
    }

    private static string Partition(string tenantId) => TableKey.Encode(tenantId);

    private static string Row(string scopeId) => "team|" + TableKey.Encode(scopeId);

    private static TableEntity ToEntity(string tenantId, string scopeId, IReadOnlyList<TeamLeader> leaders) => new(Partition(tenantId), Row(scopeId))
    {
        ["ScopeId"] = scopeId,
        ["Leaders"] = JsonSerializer.Serialize(leaders),
    };

    private static TeamLeaders FromEntity(TableEntity e) => new(
        JsonSerializer.Deserialize<List<TeamLeader>>(e.GetString("Leaders") ?? "[]") ?? [],
        e.GetString("FoundedBy") is { Length: > 0 } by ? by : null,
        e.GetDateTimeOffset("FoundedAt"));
}
