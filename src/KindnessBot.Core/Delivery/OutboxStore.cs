using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Delivery;

/// <summary>
/// The Deliveries table. PartitionKey: tenant and recipient ("{tenant}|p|{person}" or "{tenant}|c|{conversation}"),
/// so everything waiting for one person is one partition: their parked messages, their due nudges and their day
/// rows ("day|{local date}|{n}", one per nudge they may get that day) can be read, and claimed together in one batch.
/// A sealed recipient's messages are kept under their sealed address ("{tenant}|s|{sealed}"), never under the person.
/// RowKey: "m|{key}", the feature's idempotency key: a second insert with the same key is refused (409).
/// </summary>
public sealed class OutboxStore(DeliveryStorage storage)
{
    private const string MessagePrefix = "m|";
    private readonly TableClient _table = storage.Outbox;

    public static string Partition(string tenantId, RecipientKind kind, string recipient) =>
        TableKey.Compose(tenantId, kind switch { RecipientKind.Person => "p", RecipientKind.Sealed => "s", _ => "c" }, recipient);

    public static string Row(string key) => MessagePrefix + TableKey.Encode(key);

    /// <summary>Records a message; false when one with its key is recorded already (a repeat: it is delivered once).</summary>
    public async Task<bool> TryAddAsync(DeliveryRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var e = new TableEntity(Partition(request.TenantId, request.To.Kind, request.To.Id), Row(request.Key))
        {
            ["TenantId"] = request.TenantId,
            ["Kind"] = request.Kind,
            ["To"] = request.To.Kind.ToString(),
            ["Recipient"] = request.To.Id,
            ["Payload"] = request.Payload,
            ["Nudge"] = request.Nudge,
            ["Wave"] = request.Wave,
            ["ExpiresAt"] = request.ExpiresAt,
            ["AadObjectId"] = request.AadObjectId,
            ["State"] = nameof(DeliveryState.Waiting),
            ["EnqueuedAt"] = now,
            ["Attempts"] = 0,
        };
        try
        {
            await _table.AddEntityAsync(e, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<OutboxEntry?> FindAsync(DeliveryRef at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(at);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(at.TenantId, at.To, at.Recipient), Row(at.Key), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? FromEntity(e) : null;
    }

    /// <summary>Writes properties on a message's row; with an ETag, only if nobody changed it since. The new ETag, or null when refused.</summary>
    public async Task<ETag?> TryUpdateAsync(OutboxEntry entry, ETag ifMatch, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var response = await _table.UpdateEntityAsync(Patch(entry, values), ifMatch, TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>A person's messages in a state, oldest first (a partition query).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ForPersonAsync(string tenantId, string personId, DeliveryState state, CancellationToken cancellationToken)
    {
        var partition = Partition(tenantId, RecipientKind.Person, personId);
        var filter = TableKey.RowsStartingWith(partition, MessagePrefix) + TableClient.CreateQueryFilter($" and State eq {state.ToString()}");
        var found = new List<OutboxEntry>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(FromEntity(e));
        }

        return [.. found.OrderBy(f => f.EnqueuedAt)];
    }

    /// <summary>
    /// Takes one of a person's nudges for <paramref name="day"/> and leases the messages folded into it, in one batch:
    /// either all of it happens or none (another worker took the day or changed a message first). The leased rows'
    /// new ETags, in order, or null when refused.
    /// </summary>
    public async Task<IReadOnlyList<ETag>?> TryClaimDayAsync(string tenantId, string personId, string dayRow, string claimedFor, IReadOnlyList<OutboxEntry> leased, Func<OutboxEntry, (string Name, object? Value)[]> lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leased);
        var partition = Partition(tenantId, RecipientKind.Person, personId);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity(partition, dayRow) { ["ClaimedFor"] = claimedFor, ["TenantId"] = tenantId }),
        };
        actions.AddRange(leased.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateMerge, Patch(e, lease(e)), e.ETag)));
        try
        {
            var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return [.. response.Value.Skip(1).Select(r => r.Headers.ETag ?? ETag.All)];
        }
        catch (TableTransactionFailedException)
        {
            return null;
        }
    }

    /// <summary>Who a day row of a person was claimed for (the key of the message that took it), or null when it is free.</summary>
    public async Task<string?> DayClaimedForAsync(string tenantId, string personId, string dayRow, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, RecipientKind.Person, personId), dayRow, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.GetString("ClaimedFor") : null;
    }

    public static string DayRow(DateOnly day, int n) =>
        "day|" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A tenant's messages not yet settled, and those settled since <paramref name="since"/> (for `delivery status`).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ForStatusAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"TenantId eq {tenantId} and (State eq {nameof(DeliveryState.Waiting)} or State eq {nameof(DeliveryState.Sending)} or State eq {nameof(DeliveryState.Parked)} or SettledAt ge {since})");
        var found = new List<OutboxEntry>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (e.RowKey.StartsWith(MessagePrefix, StringComparison.Ordinal))
            {
                found.Add(FromEntity(e));
            }
        }

        return found;
    }

    private static TableEntity Patch(OutboxEntry entry, (string Name, object? Value)[] values)
    {
        var e = new TableEntity(Partition(entry.TenantId, entry.Request.To.Kind, entry.Request.To.Id), Row(entry.Key));
        foreach (var (name, value) in values)
        {
            e[name] = value;
        }

        return e;
    }

    internal static OutboxEntry FromEntity(TableEntity e)
    {
        var to = new Recipient(Enum.Parse<RecipientKind>(e.GetString("To") ?? nameof(RecipientKind.Conversation)), e.GetString("Recipient") ?? "");
        var request = new DeliveryRequest(e.GetString("TenantId") ?? "", TableKey.Decode(e.RowKey[MessagePrefix.Length..]), e.GetString("Kind") ?? "", to, e.GetString("Payload") ?? "")
        {
            Nudge = e.GetBoolean("Nudge") ?? false,
            Wave = e.GetBoolean("Wave") ?? false,
            ExpiresAt = e.GetDateTimeOffset("ExpiresAt"),
            AadObjectId = e.GetString("AadObjectId"),
        };
        return new OutboxEntry(request, Enum.TryParse<DeliveryState>(e.GetString("State"), out var state) ? state : DeliveryState.Waiting, e.GetDateTimeOffset("EnqueuedAt") ?? e.Timestamp ?? DateTimeOffset.MinValue, e.ETag)
        {
            Attempts = e.GetInt32("Attempts") ?? 0,
            SendingUntil = e.GetDateTimeOffset("SendingUntil"),
            ActivityId = e.GetString("ActivityId"),
            SettledAt = e.GetDateTimeOffset("SettledAt"),
            Reason = e.GetString("Reason"),
        };
    }
}
