using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Delivery;

/// <summary>The DeliverySettings table: one row per person (PartitionKey: tenant; RowKey: person), written only when something changes.</summary>
public sealed class NudgeSettingsStore(DeliveryStorage storage)
{
    private readonly TableClient _table = storage.Settings;

    // The zone each person's client reported last, as this instance saw it: a turn writes only when it changed.
    private readonly ConcurrentDictionary<(string Tenant, string Person), string> _zonesSeen = new();

    public async Task<NudgeSettings> GetAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(tenantId), TableKey.Encode(personId), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? FromEntity(e) : NudgeSettings.Default;
    }

    /// <summary>Changes a person's settings by reading, changing and writing back under the read's ETag, retried on a conflict.</summary>
    public async Task<NudgeSettings> ChangeAsync(string tenantId, string personId, Func<NudgeSettings, NudgeSettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; ; attempt++)
        {
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(tenantId), TableKey.Encode(personId), cancellationToken: cancellationToken);
            var changed = change(read.HasValue && read.Value is { } e ? FromEntity(e) : NudgeSettings.Default);
            if (await _table.TryAddOrReplaceAsync(ToEntity(tenantId, personId, changed), read, cancellationToken) || attempt >= 5)
            {
                return changed;
            }
        }
    }

    /// <summary>Keeps the time zone a person's Teams client reports (its localTimezone), writing only when it changed.</summary>
    public async Task NoteTimeZoneAsync(string tenantId, string personId, string? zoneId, CancellationToken cancellationToken)
    {
        if (!QuietHours.TryFindZone(zoneId, out _) || (_zonesSeen.TryGetValue((tenantId, personId), out var seen) && seen == zoneId))
        {
            return;
        }

        if (_zonesSeen.Count > 50_000)
        {
            _zonesSeen.Clear();
        }

        var current = await GetAsync(tenantId, personId, cancellationToken);
        if (current.TimeZoneId != zoneId)
        {
            await ChangeAsync(tenantId, personId, s => s with { TimeZoneId = zoneId }, cancellationToken);
        }

        _zonesSeen[(tenantId, personId)] = zoneId!;
    }

    /// <summary>Forgets a person's settings (erasure).</summary>
    public async Task<int> EraseAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        _zonesSeen.TryRemove((tenantId, personId), out _);
        try
        {
            await _table.DeleteEntityAsync(TableKey.Encode(tenantId), TableKey.Encode(personId), ETag.All, cancellationToken);
            return 1;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    private static TableEntity ToEntity(string tenantId, string personId, NudgeSettings s) => new(TableKey.Encode(tenantId), TableKey.Encode(personId))
    {
        ["TimeZoneId"] = s.TimeZoneId,
        ["QuietFrom"] = s.QuietFrom?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["QuietUntil"] = s.QuietUntil?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["WeekendsQuiet"] = s.WeekendsQuiet,
        ["PausedUntil"] = s.PausedUntil,
        ["OptedOut"] = string.Join(',', s.OptedOut.Order(StringComparer.Ordinal)),
    };

    private static NudgeSettings FromEntity(TableEntity e) => new()
    {
        TimeZoneId = e.GetString("TimeZoneId"),
        QuietFrom = TimeOnly.TryParseExact(e.GetString("QuietFrom"), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
        QuietUntil = TimeOnly.TryParseExact(e.GetString("QuietUntil"), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until : null,
        WeekendsQuiet = e.GetBoolean("WeekendsQuiet") ?? true,
        PausedUntil = e.GetDateTimeOffset("PausedUntil"),
        OptedOut = (e.GetString("OptedOut") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
        ETag = e.ETag,
    };
}
