using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Delivery;

/// <summary>The DeliverySettings table: one row per person who saved their settings (PartitionKey: tenant; RowKey: person).</summary>
public sealed class NudgeSettingsStore(DeliveryStorage storage)
{
    private readonly TableClient _table = storage.Settings;

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

    /// <summary>Forgets a person's settings (erasure).</summary>
    public async Task<int> EraseAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(tenantId), TableKey.Encode(personId), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return 0; // a repeat finds nothing (and says so), whatever the service answers to deleting a missing row
        }

        try
        {
            await _table.DeleteEntityAsync(found.Value!.PartitionKey, found.Value.RowKey, ETag.All, cancellationToken);
            return 1;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    private static TableEntity ToEntity(string tenantId, string personId, NudgeSettings s) => new(TableKey.Encode(tenantId), TableKey.Encode(personId))
    {
        ["QuietFrom"] = s.QuietFrom?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["QuietUntil"] = s.QuietUntil?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["WeekendsQuiet"] = s.WeekendsQuiet,
        ["PausedUntil"] = s.PausedUntil,
        ["OptedOut"] = string.Join(',', s.OptedOut.Order(StringComparer.Ordinal)),
    };

    private static NudgeSettings FromEntity(TableEntity e) => new()
    {
        QuietFrom = TimeOnly.TryParseExact(e.GetString("QuietFrom"), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
        QuietUntil = TimeOnly.TryParseExact(e.GetString("QuietUntil"), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until : null,
        WeekendsQuiet = e.GetBoolean("WeekendsQuiet") ?? true,
        PausedUntil = e.GetDateTimeOffset("PausedUntil"),
        OptedOut = (e.GetString("OptedOut") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
        ETag = e.ETag,
    };
}
