using System.Globalization;
using Azure.Data.Tables;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Reflection;

/// <summary>Where the teams' reflection schedules are kept.</summary>
public interface IScheduleStore
{
    /// <summary>Stores a schedule, replacing the team's previous one.</summary>
    Task SaveAsync(ReflectionSchedule schedule, CancellationToken cancellationToken);

    Task<ReflectionSchedule?> FindAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>Every schedule of every tenant, page by page (the scheduler's sweep).</summary>
    IAsyncEnumerable<ReflectionSchedule> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Notes that the slot due at <paramref name="due"/> has been dealt with, so later sweeps pass it by.</summary>
    Task MarkHandledAsync(string tenantId, string teamId, DateTimeOffset due, CancellationToken cancellationToken);
}

/// <summary>Schedules in one table. PartitionKey: the tenant. RowKey: "team|{team id}".</summary>
public sealed class TableScheduleStore(ReflectionStorage storage) : IScheduleStore
{
    private readonly TableClient _table = storage.Schedules;

    public async Task SaveAsync(ReflectionSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var e = new TableEntity(TableKey.Encode(schedule.TenantId), Row(schedule.TeamId))
        {
            ["TenantId"] = schedule.TenantId,
            ["TeamId"] = schedule.TeamId,
            ["ConversationId"] = schedule.ConversationId,
            ["Day"] = schedule.Day.ToString(),
            ["LocalTime"] = schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["TimeZoneId"] = schedule.TimeZoneId,
            ["Commitments"] = string.Join(',', schedule.Commitments),
            ["Paused"] = schedule.Paused,
            ["SkippedWeek"] = schedule.SkippedWeek,
            ["OpenForMinutes"] = (int)schedule.OpenFor.TotalMinutes,
            ["CreatedBy"] = schedule.CreatedBy,
            ["CreatedAt"] = schedule.CreatedAt,
            ["HandledThrough"] = schedule.HandledThrough,
        };
        await _table.UpsertEntityAsync(e, TableUpdateMode.Replace, cancellationToken);
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
        Commitments = [.. e.GetString("Commitments").Split(',').Select(Enum.Parse<Commitment>)],
        Paused = e.GetBoolean("Paused") ?? false,
        SkippedWeek = e.GetString("SkippedWeek"),
        OpenFor = TimeSpan.FromMinutes(e.GetInt32("OpenForMinutes") ?? (int)ReflectionSchedule.DefaultOpenFor.TotalMinutes),
        CreatedBy = e.GetString("CreatedBy"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        HandledThrough = e.GetDateTimeOffset("HandledThrough"),
    };
}
