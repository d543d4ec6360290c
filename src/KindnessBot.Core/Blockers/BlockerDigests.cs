using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Audit;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;
using KindnessBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Blockers;

/// <summary>
/// "You said, we did": each team's monthly digest of what changed and what will not change (and why). A leader sets the
/// day and zone where it should be posted; every instance sweeps one calendar partition for what is due and hands each
/// digest to the delivery path under a key of its team and due day, so however many instances sweep, it is posted once.
/// The digest itself is made when it is sent, from the team's closed list for its period.
/// </summary>
public sealed partial class BlockerDigests(BlockerStorage storage, BlockerStore store, DeliveryOutbox outbox, IAuthorisation authorisation, TimeProvider time, IAuditLog? audit = null, ILogger<BlockerDigests>? logger = null)
{
    /// <summary>Items of each kind one digest shows at most (the rest are in the team's list).</summary>
    public const int MaxItems = 6;

    private readonly TableClient _table = storage.Blockers;

    public async Task<DigestSchedule?> FindAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(BlockerKeys.DigestPartition(tenantId), TableKey.Encode(teamId), cancellationToken: cancellationToken);
        return found.HasValue ? Read(tenantId, found.Value!) : null;
    }

    /// <summary>Sets (a day from 1 to 28) or stops (null) the team's digest, posted in the scope's conversation. Only its leaders (or admins).</summary>
    public async Task<DigestChange> SetAsync(ConversationRecord scope, Person leader, int? day, string? timeZoneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(leader);
        TimeZoneInfo? zone = null;
        if (scope.Kind == ConversationKind.Personal || (day is { } d && (!DigestSchedule.IsDay(d) || timeZoneId is null || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out zone))))
        {
            return DigestChange.Invalid;
        }

        if (!await authorisation.IsLeaderAsync(scope, leader, cancellationToken))
        {
            return DigestChange.NotALeader;
        }

        var now = time.GetUtcNow();
        var before = await FindAsync(scope.TenantId, scope.ScopeId, cancellationToken);
        if (day is null)
        {
            await _table.DeleteIfThereAsync(BlockerKeys.DigestPartition(scope.TenantId), TableKey.Encode(scope.ScopeId), cancellationToken);
        }
        else
        {
            var schedule = new DigestSchedule
            {
                TenantId = scope.TenantId,
                TeamId = scope.ScopeId,
                ConversationId = scope.ConversationId,
                Day = day.Value,
                TimeZoneId = timeZoneId!,
                NextDue = DigestSchedule.NextAfter(day.Value, zone!, now),
            };
            await _table.UpsertEntityAsync(Row(schedule), TableUpdateMode.Replace, cancellationToken);
            await _table.UpsertEntityAsync(CalendarRow(schedule), TableUpdateMode.Replace, cancellationToken);
        }

        if (before is not null && (day is null || before.NextDue != DigestSchedule.NextAfter(day.Value, zone!, now)))
        {
            await _table.DeleteIfThereAsync(BlockerKeys.DigestCalendar, BlockerKeys.DigestDueRow(before.NextDue, before.TenantId, before.TeamId), cancellationToken);
        }

        await audit.RecordLeaderActionAsync(scope, leader, AuditAction.BlockerDigestSet, now, day?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off", cancellationToken);
        return day is null ? DigestChange.Off : DigestChange.Set;
    }

    /// <summary>
    /// Hands every digest due by now to the delivery path and moves its schedule on a month. How many it handed over. A
    /// team whose digest cannot be handed over is logged (without who) and tried again next sweep; the others go on.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {BlockerKeys.DigestCalendar} and RowKey lt {BlockerKeys.DueAfter(now)}");
        var handed = 0;
        foreach (var row in await _table.RowsAsync(filter, cancellationToken))
        {
            try
            {
                handed += await HandOverAsync(row, now, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (logger is not null)
                {
                    LogHandOverFailed(logger, ex);
                }
            }
        }

        return handed;
    }

    private async Task<bool> HandOverAsync(TableEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (tenant, team) = (row.GetString("TenantId") ?? "", row.GetString("TeamId") ?? "");
        var schedule = tenant.Length == 0 || team.Length == 0 ? null : await FindAsync(tenant, team, cancellationToken);
        if (schedule is null || BlockerKeys.DigestDueRow(schedule.NextDue, tenant, team) != row.RowKey
            || !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZoneId, out var zone))
        {
            await _table.DeleteIfThereAsync(row.PartitionKey, row.RowKey, cancellationToken); // changed or stopped meanwhile
            return false;
        }

        var due = schedule.NextDue;
        var period = new DigestPeriod(tenant, team, DigestSchedule.MonthBefore(due, schedule.Day, zone), due);
        var key = $"digest|{team}|{due.UtcTicks}";
        await outbox.EnqueueAsync(new DeliveryRequest(tenant, key, DigestPeriod.Kind, Recipient.Conversation(schedule.ConversationId), period.ToJson()), cancellationToken);
        var next = schedule with { NextDue = DigestSchedule.NextAfter(schedule.Day, zone, due > now ? due : now) };
        try
        {
            await _table.UpdateEntityAsync(Row(next), schedule.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false; // another instance moved it on (its digest has the same key), or a leader changed it
        }

        await _table.UpsertEntityAsync(CalendarRow(next), TableUpdateMode.Replace, cancellationToken);
        await _table.DeleteIfThereAsync(row.PartitionKey, row.RowKey, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A team's \"you said, we did\" could not be handed to the delivery path; it is tried again at the next sweep")]
    private static partial void LogHandOverFailed(ILogger logger, Exception exception);

    /// <summary>What a digest shows: the blockers of its team that changed, or will not change, in its period.</summary>
    public async Task<IReadOnlyList<BlockerSummary>> ClosedAsync(DigestPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var closed = await store.ClosedBetweenAsync(period.TenantId, period.TeamId, period.Since, period.Until, MaxItems * 4, cancellationToken);
        return [.. closed.Where(b => b.Status is BlockerStatus.Changed or BlockerStatus.NotChanging)];
    }

    private static TableEntity Row(DigestSchedule s) => new(BlockerKeys.DigestPartition(s.TenantId), TableKey.Encode(s.TeamId))
    {
        ["Kind"] = "digest",
        ["TeamId"] = s.TeamId,
        ["ConversationId"] = s.ConversationId,
        ["Day"] = s.Day,
        ["TimeZoneId"] = s.TimeZoneId,
        ["NextDue"] = s.NextDue,
    };

    private static TableEntity CalendarRow(DigestSchedule s) => new(BlockerKeys.DigestCalendar, BlockerKeys.DigestDueRow(s.NextDue, s.TenantId, s.TeamId))
    {
        ["TenantId"] = s.TenantId,
        ["TeamId"] = s.TeamId,
    };

    private static DigestSchedule Read(string tenantId, TableEntity e) => new()
    {
        TenantId = tenantId,
        TeamId = e.GetString("TeamId") ?? "",
        ConversationId = e.GetString("ConversationId") ?? "",
        Day = e.GetInt32("Day") ?? 1,
        TimeZoneId = e.GetString("TimeZoneId") ?? "Europe/London",
        NextDue = e.GetDateTimeOffset("NextDue") ?? DateTimeOffset.MaxValue,
        ETag = e.ETag,
    };
}

/// <summary>What setting a team's digest did.</summary>
public enum DigestChange
{
    Set,
    Off,
    NotALeader,

    /// <summary>Not a day from 1 to 28, not a time zone, or not in a team's conversation.</summary>
    Invalid,
}
