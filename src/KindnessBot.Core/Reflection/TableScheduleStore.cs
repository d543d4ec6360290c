using System.Globalization;
using Azure.Data.Tables;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Reflection;

/// <summary>Schedules in one table. PartitionKey: the tenant. RowKey: "team|{team id}".</summary>
public sealed class TableScheduleStore(ReflectionStorage storage) : IScheduleStore
{
    private readonly TableClient _table = storage.Schedules;

    private const int Attempts = 20;

    public async Task SaveAsync(ReflectionSchedule schedule, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(ToEntity(schedule), TableUpdateMode.Replace, cancellationToken);

    public async Task<ReflectionSchedule?> UpdateAsync(string tenantId, string teamId, Func<ReflectionSchedule?, ReflectionSchedule?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(tenantId), Row(teamId), cancellationToken: cancellationToken);
            var current = found.HasValue && found.Value is { } e ? FromEntity(e) : null;
            var changed = change(current);
            if (changed is null)
            {
                return current;
            }

            if (changed.TenantId != tenantId || changed.TeamId != teamId)
            {
                throw new ArgumentException("A schedule change cannot move the schedule to another team.", nameof(change));
            }

            try
            {
                if (current is null)
                {
                    await _table.AddEntityAsync(ToEntity(changed), cancellationToken);
                }
                else
                {
                    await _table.UpdateEntityAsync(ToEntity(changed), found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return changed;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < Attempts)
            {
                // Another leader, or the scheduler marking a week handled, wrote first: read again and reapply, after a
                // short random pause so writers that collided do not collide again in step.
                await Task.Delay(Random.Shared.Next(1, 10 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    private static TableEntity ToEntity(ReflectionSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new TableEntity(TableKey.Encode(schedule.TenantId), Row(schedule.TeamId))
        {
            ["TenantId"] = schedule.TenantId,
            ["TeamId"] = schedule.TeamId,
            ["ConversationId"] = schedule.ConversationId,
            ["Day"] = schedule.Day.ToString(),
            ["LocalTime"] = schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["TimeZoneId"] = schedule.TimeZoneId,
            ["Commitments"] = CommitmentList.Format(schedule.Commitments),
            ["Paused"] = schedule.Paused,
            ["SkippedWeek"] = schedule.SkippedWeek,
            ["OpenForMinutes"] = (int)schedule.OpenFor.TotalMinutes,
            ["CreatedBy"] = schedule.CreatedBy,
            ["CreatedByName"] = schedule.CreatedByName,
            ["CreatedAt"] = schedule.CreatedAt,
            ["HandledThrough"] = schedule.HandledThrough,
        };
    }

    public async Task<ReflectionSchedule?> FindAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(tenantId), Row(teamId), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? FromEntity(e) : null;
    }

    public async IAsyncEnumerable<ReflectionSchedule> ListAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in _table.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return FromEntity(e);
        }
    }

    public async Task MarkHandledAsync(string tenantId, string teamId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(TableKey.Encode(tenantId), Row(teamId)) { ["HandledThrough"] = due }, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // The schedule was deleted during the sweep: nothing to mark.
        }
    }

    private static string Row(string teamId) => "team|" + TableKey.Encode(teamId);

    private static ReflectionSchedule FromEntity(TableEntity e) => new()
    {
        TenantId = e.GetString("TenantId"),
        TeamId = e.GetString("TeamId"),
        ConversationId = e.GetString("ConversationId"),
        Day = Enum.Parse<DayOfWeek>(e.GetString("Day")),
        LocalTime = TimeOnly.ParseExact(e.GetString("LocalTime"), "HH:mm", CultureInfo.InvariantCulture),
        TimeZoneId = e.GetString("TimeZoneId"),
        Commitments = [.. CommitmentList.Parse(e.GetString("Commitments"))],
        Paused = e.GetBoolean("Paused") ?? false,
        SkippedWeek = e.GetString("SkippedWeek"),
        OpenFor = TimeSpan.FromMinutes(e.GetInt32("OpenForMinutes") ?? (int)ReflectionSchedule.DefaultOpenFor.TotalMinutes),
        CreatedBy = e.GetString("CreatedBy"),
        CreatedByName = e.GetString("CreatedByName"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        HandledThrough = e.GetDateTimeOffset("HandledThrough"),
    };
}
