using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Conversations;

/// <summary>
/// Conversations in one table. PartitionKey: the tenant. RowKey: "c|{conversation id}" for every
/// conversation, and for personal chats also "u|{user id}", a copy written in the same transaction so that
/// "the personal chat with this person" is a point read.
/// </summary>
public sealed class TableConversationStore(StorageAccount account) : IConversationStore
{
    private readonly TableClient _table = account.Table(ConversationStorage.TableName);

    public async Task SaveAsync(ConversationRecord seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var partition = PartitionKey(seen.TenantId);
        var entity = ToEntity(seen, partition, ConversationRow(seen.ConversationId));
        if (seen is { Kind: ConversationKind.Personal, UserId: { Length: > 0 } userId })
        {
            var copy = new TableEntity(entity) { RowKey = UserRow(userId) };
            await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity),
                    new TableTransactionAction(TableTransactionActionType.UpsertMerge, copy),
                ],
                cancellationToken);
            return;
        }

        await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<bool> RefreshAsync(ConversationRecord seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        try
        {
            // If-Match * merges only into a row that exists: one request, and no record is created by it.
            await _table.UpdateEntityAsync(ToEntity(seen, PartitionKey(seen.TenantId), ConversationRow(seen.ConversationId)), ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public async Task<bool> TryActivateAsync(ConversationRecord installed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installed);
        var partition = PartitionKey(installed.TenantId);
        var row = ConversationRow(installed.ConversationId);
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, select: ["IsRemoved", "InstalledBy", "InstalledAt"], cancellationToken: cancellationToken);

        // Whoever first installed the bot here stays its installer of record: removing and adding the bot again, by
        // anyone, never changes who that is. It is a record only: leadership is founded once in the TeamLeaders table.
        if (current.HasValue && current.Value!.GetString("InstalledBy") is { Length: > 0 } firstInstaller)
        {
            installed = installed with { InstalledBy = firstInstaller, InstalledAt = current.Value.GetDateTimeOffset("InstalledAt") ?? installed.InstalledAt };
        }

        var entity = ToEntity(installed with { IsRemoved = false }, partition, row);
        try
        {
            if (!current.HasValue)
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            else if (current.Value!.GetBoolean("IsRemoved") == true)
            {
                await _table.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            else
            {
                await SaveAsync(installed with { IsRemoved = false }, cancellationToken);
                return false;
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another instance (or a retry of the same activity) activated it first.
            return false;
        }

        await SaveAsync(installed with { IsRemoved = false }, cancellationToken); // the personal-chat copy, if any
        return true;
    }

    public async Task MarkRemovedAsync(string tenantId, string conversationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(tenantId, conversationId, cancellationToken);
        if (stored is null)
        {
            return;
        }

        await SaveAsync(stored with { IsRemoved = true, RemovedAt = at }, cancellationToken);
    }

    public async Task<ConversationRecord?> FindAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        await ReadAsync(PartitionKey(tenantId), ConversationRow(conversationId), cancellationToken);

    public async Task<ConversationRecord?> FindPersonalAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        await ReadAsync(PartitionKey(tenantId), UserRow(userId), cancellationToken);

    public async Task<IReadOnlyList<ConversationRecord>> ListTeamsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var filter = TableKey.RowsStartingWith(PartitionKey(tenantId), "c|")
            + " and " + TableClient.CreateQueryFilter($"Kind eq {nameof(ConversationKind.Channel)} and IsRemoved eq {false}");
        var teams = new List<ConversationRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var channel = FromEntity(entity);
            if (channel.ConversationId == channel.TeamId)
            {
                teams.Add(channel);
            }
        }

        return teams;
    }

    public async Task<IReadOnlyList<ConversationRecord>> ListTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        var filter = TableKey.RowsStartingWith(PartitionKey(tenantId), "c|") + " and " + TableClient.CreateQueryFilter($"TeamId eq {teamId}");
        var found = new List<ConversationRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(FromEntity(entity));
        }

        return found;
    }

    internal static string PartitionKey(string tenantId) => TableKey.Encode(tenantId);

    internal static string ConversationRow(string conversationId) => "c|" + TableKey.Encode(conversationId);

    internal static string UserRow(string userId) => "u|" + TableKey.Encode(userId);

    private async Task<ConversationRecord?> ReadAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    private static TableEntity ToEntity(ConversationRecord r, string partition, string row)
    {
        var e = new TableEntity(partition, row)
        {
            ["TenantId"] = r.TenantId,
            ["ConversationId"] = r.ConversationId,
            ["Kind"] = r.Kind.ToString(),
            ["ServiceUrl"] = r.ServiceUrl,
            ["ChannelId"] = r.ChannelId,
            ["BotId"] = r.BotId,
            ["LastSeenAt"] = r.LastSeenAt,
            ["IsRemoved"] = r.IsRemoved,
        };
        AddIfPresent(e, "BotName", r.BotName);
        AddIfPresent(e, "TeamId", r.TeamId);
        AddIfPresent(e, "TeamName", r.TeamName);
        AddIfPresent(e, "TeamAadGroupId", r.TeamAadGroupId);
        AddIfPresent(e, "TeamsChannelId", r.TeamsChannelId);
        AddIfPresent(e, "TeamsChannelName", r.TeamsChannelName);
        AddIfPresent(e, "UserId", r.UserId);
        AddIfPresent(e, "UserAadObjectId", r.UserAadObjectId);
        AddIfPresent(e, "TimeZoneId", r.TimeZoneId);
        AddIfPresent(e, "InstalledBy", r.InstalledBy);
        if (r.InstalledAt is { } installedAt)
        {
            e["InstalledAt"] = installedAt;
        }

        if (r.RemovedAt is { } removedAt)
        {
            e["RemovedAt"] = removedAt;
        }

        return e;
    }

    private static void AddIfPresent(TableEntity entity, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            entity[name] = value;
        }
    }

    private static ConversationRecord FromEntity(TableEntity e) => new()
    {
        TenantId = e.GetString("TenantId"),
        ConversationId = e.GetString("ConversationId"),
        Kind = Enum.Parse<ConversationKind>(e.GetString("Kind")),
        ServiceUrl = e.GetString("ServiceUrl"),
        ChannelId = e.GetString("ChannelId"),
        BotId = e.GetString("BotId"),
        BotName = e.GetString("BotName"),
        TeamId = e.GetString("TeamId"),
        TeamName = e.GetString("TeamName"),
        TeamAadGroupId = e.GetString("TeamAadGroupId"),
        TeamsChannelId = e.GetString("TeamsChannelId"),
        TeamsChannelName = e.GetString("TeamsChannelName"),
        UserId = e.GetString("UserId"),
        UserAadObjectId = e.GetString("UserAadObjectId"),
        TimeZoneId = e.GetString("TimeZoneId"),
        InstalledBy = e.GetString("InstalledBy"),
        InstalledAt = e.GetDateTimeOffset("InstalledAt"),
        LastSeenAt = e.GetDateTimeOffset("LastSeenAt") ?? DateTimeOffset.MinValue,
        IsRemoved = e.GetBoolean("IsRemoved") ?? false,
        RemovedAt = e.GetDateTimeOffset("RemovedAt"),
    };
}
