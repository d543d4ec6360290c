using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// One row per (team, week) in the ReflectionSlots table (PartitionKey: tenant; RowKey: "{team}|{week}").
/// The row is created with a conditional insert, so of any number of schedulers exactly one claims a slot;
/// every later step (enqueued, sending lease, sent with its activity id, skipped, failed) is written on that row.
/// </summary>
public sealed class SlotStore(ReflectionStorage storage)
{
    private readonly TableClient _table = storage.Slots;

    /// <summary>Inserts the slot row; null when it already exists (another instance, or an earlier run, has it).</summary>
    public async Task<ETag?> TryInsertAsync(PromptMessage prompt, SlotState state, string instanceId, DateTimeOffset now, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var e = new TableEntity(TableKey.Encode(prompt.TenantId), Row(prompt.TeamId, prompt.Week))
        {
            ["Prompt"] = prompt.ToJson(),
            ["State"] = state.ToString(),
            ["ClaimedBy"] = instanceId,
            ["ClaimedAt"] = now,
            ["Attempts"] = 0,
            ["Reason"] = reason,
        };
        try
        {
            var response = await _table.AddEntityAsync(e, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    public async Task<SlotRecord?> FindAsync(string tenantId, string teamId, string week, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(tenantId), Row(teamId, week), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? FromEntity(e) : null;
    }

    /// <summary>Writes properties on a slot; with an ETag, only if nobody changed it since. The new ETag, or null when refused.</summary>
    public async Task<ETag?> TryUpdateAsync(PromptMessage prompt, ETag ifMatch, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(values);
        var e = new TableEntity(TableKey.Encode(prompt.TenantId), Row(prompt.TeamId, prompt.Week));
        foreach (var (name, value) in values)
        {
            e[name] = value;
        }

        try
        {
            var response = await _table.UpdateEntityAsync(e, ifMatch, TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>A tenant's slots in a state, for admins (failed prompts) and reports.</summary>
    public async Task<IReadOnlyList<SlotRecord>> ListAsync(string tenantId, SlotState state, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(tenantId)} and State eq {state.ToString()}");
        var found = new List<SlotRecord>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(FromEntity(e));
        }

        return found;
    }

    private static string Row(string teamId, string week) => TableKey.Compose(teamId, week);

    private static SlotRecord FromEntity(TableEntity e) => new(
        PromptMessage.FromJson(e.GetString("Prompt")) ?? throw new InvalidOperationException("A slot row without its prompt."),
        Enum.Parse<SlotState>(e.GetString("State")),
        e.GetString("ClaimedBy"),
        e.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue,
        e.GetString("ActivityId"),
        e.GetString("SendingBy"),
        e.GetDateTimeOffset("SendingUntil"),
        e.GetInt32("Attempts") ?? 0,
        e.GetString("Reason"),
        e.ETag)
    {
        AnswerCount = e.GetInt32("AnswerCount") ?? 0,
        FollowedUpAt = e.GetDateTimeOffset("FollowedUpAt"),
        FollowUpUntil = e.GetDateTimeOffset("FollowUpUntil"),
    };
}
