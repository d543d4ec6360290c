using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Recognition;

/// <summary>
/// One table, three kinds of partition, every key starting with the tenant:
/// <list type="bullet">
/// <item>"{tenant}|g|{giver}": the giver's copy of each recognition ("r|{key}"), one marker per card submitted
/// ("card|{card id}", so a double click or retry stores nothing new) and a counter per day ("day|yyyyMMdd", for the
/// daily limit, updated with its ETag so concurrent submits cannot pass the limit together).</item>
/// <item>"{tenant}|r|{recipient}": the recipient's copy ("r|{key}"), which holds the consent decision.</item>
/// <item>"{tenant}|t|{team}": shared recognitions of a team ("r|{key}").</item>
/// </list>
/// Keys are inverted ticks, so every partition reads newest first. A submit costs three transactions: read the
/// day counter, one batch in the giver's partition (marker, copy, counter), insert the recipient's copy.
/// </summary>
public sealed class TableRecognitionStore(StorageAccount account) : IRecognitionStore
{
    private const int MaxAttempts = 5;
    private readonly TableClient _table = account.Table(RecognitionStorage.TableName);

    public async Task<(AddOutcome Outcome, Recognition Stored)> AddAsync(Recognition recognition, string cardId, int dailyLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var giverPartition = GiverPartition(recognition.TenantId, recognition.GiverId);
        var dayRow = "day|" + recognition.GivenAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var cardRow = "card|" + TableKey.Encode(cardId);

        for (var attempt = 1; ; attempt++)
        {
            var counter = await _table.GetEntityIfExistsAsync<TableEntity>(giverPartition, dayRow, cancellationToken: cancellationToken);
            var given = counter.HasValue ? counter.Value!.GetInt32("Count") ?? 0 : 0;
            if (given >= dailyLimit)
            {
                return await ExistingOrLimitAsync(recognition, giverPartition, cardRow, cancellationToken);
            }

            var marker = new TableEntity(giverPartition, cardRow) { ["RecognitionKey"] = recognition.Key };
            var day = new TableEntity(giverPartition, dayRow) { ["Count"] = given + 1 };
            TableTransactionAction[] batch =
            [
                new(TableTransactionActionType.Add, marker),
                new(TableTransactionActionType.Add, ToEntity(recognition, giverPartition)),
                counter.HasValue ? new(TableTransactionActionType.UpdateReplace, day, counter.Value!.ETag) : new(TableTransactionActionType.Add, day),
            ];
            try
            {
                await _table.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status == 409)
            {
                return (AddOutcome.Duplicate, await HealDuplicateAsync(giverPartition, cardRow, cancellationToken));
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 2 && ex.Status is 409 or 412 && attempt < dailyLimit + MaxAttempts)
            {
                // Another submit by the same giver moved the day counter first: read it again. Each conflict means
                // another submit was counted, so within the limit there are at most dailyLimit of them.
                continue;
            }

            try
            {
                await _table.AddEntityAsync(ToEntity(recognition, RecipientPartition(recognition.TenantId, recognition.RecipientId)), cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // A resubmit of this card overtook this one and restored the recipient's copy (the same row) first.
            }

            return (AddOutcome.Added, recognition);
        }
    }

    public async Task<Recognition?> FindReceivedAsync(string tenantId, string recipientId, string key, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(RecipientPartition(tenantId, recipientId), Row(key), cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<bool> TryDecideAsync(Recognition decided, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var partition = RecipientPartition(decided.TenantId, decided.RecipientId);
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(partition, Row(decided.Key), cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value!.GetString("Status") != nameof(ConsentStatus.AwaitingConsent))
        {
            return false;
        }

        try
        {
            await _table.UpdateEntityAsync(Decision(decided, partition), current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }

        if (decided.GiverId.Length > 0)
        {
            // The giver's copy, unless the giver erased their data (then the recipient's copy names nobody as giver).
            await _table.UpsertEntityAsync(Decision(decided, GiverPartition(decided.TenantId, decided.GiverId)), TableUpdateMode.Merge, cancellationToken);
        }

        return true;
    }

    public async Task<Recognition?> FindByCardAsync(string tenantId, string giverId, string cardId, string recipientId, CancellationToken cancellationToken)
    {
        var marker = await _table.GetEntityIfExistsAsync<TableEntity>(GiverPartition(tenantId, giverId), "card|" + TableKey.Encode(cardId), cancellationToken: cancellationToken);
        return marker.HasValue && marker.Value!.GetString("RecognitionKey") is { } key ? await FindReceivedAsync(tenantId, recipientId, key, cancellationToken) : null;
    }

    public Task<IReadOnlyList<Recognition>> ReceivedAsync(string tenantId, string recipientId, DateTimeOffset? since, int max, CancellationToken cancellationToken) =>
        QueryAsync(RecipientPartition(tenantId, recipientId), since is { } from ? $"RowKey le '{Row(RecordKey.InvertedTicks(from))}~'" : null, max, cancellationToken);

    public Task<IReadOnlyList<Recognition>> GivenAsync(string tenantId, string giverId, int max, CancellationToken cancellationToken) =>
        QueryAsync(GiverPartition(tenantId, giverId), null, max, cancellationToken);

    public async Task AddToTeamAsync(Recognition recognition, string teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        await _table.UpsertEntityAsync(ToEntity(recognition, TeamPartition(recognition.TenantId, teamId)), TableUpdateMode.Replace, cancellationToken);
    }

    public Task<IReadOnlyList<Recognition>> TeamAsync(string tenantId, string teamId, int max, CancellationToken cancellationToken) =>
        QueryAsync(TeamPartition(tenantId, teamId), null, max, cancellationToken);

    internal static string GiverPartition(string tenantId, string giverId) => TableKey.Compose(tenantId, "g", giverId);

    internal static string RecipientPartition(string tenantId, string recipientId) => TableKey.Compose(tenantId, "r", recipientId);

    internal static string TeamPartition(string tenantId, string teamId) => TableKey.Compose(tenantId, "t", teamId);

    private static string Row(string key) => "r|" + key;

    private async Task<(AddOutcome, Recognition)> ExistingOrLimitAsync(Recognition recognition, string giverPartition, string cardRow, CancellationToken cancellationToken)
    {
        var marker = await _table.GetEntityIfExistsAsync<TableEntity>(giverPartition, cardRow, cancellationToken: cancellationToken);
        return marker.HasValue
            ? (AddOutcome.Duplicate, await HealDuplicateAsync(giverPartition, cardRow, cancellationToken))
            : (AddOutcome.DailyLimitReached, recognition);
    }

    /// <summary>The stored recognition for a card submitted before; its recipient copy is rewritten in case the first submit stopped half-way.</summary>
    private async Task<Recognition> HealDuplicateAsync(string giverPartition, string cardRow, CancellationToken cancellationToken)
    {
        var marker = await _table.GetEntityAsync<TableEntity>(giverPartition, cardRow, cancellationToken: cancellationToken);
        var stored = FromEntity((await _table.GetEntityAsync<TableEntity>(giverPartition, Row(marker.Value.GetString("RecognitionKey")), cancellationToken: cancellationToken)).Value);
        var recipientCopy = ToEntity(stored, RecipientPartition(stored.TenantId, stored.RecipientId));
        try
        {
            await _table.AddEntityAsync(recipientCopy, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already there, as it nearly always is; it may hold the recipient's decision, which must not be overwritten.
        }

        return stored;
    }

    private async Task<IReadOnlyList<Recognition>> QueryAsync(string partition, string? extraFilter, int max, CancellationToken cancellationToken)
    {
        var filter = TableKey.RowsStartingWith(partition, "r|");
        if (extraFilter is not null)
        {
            filter += " and " + extraFilter;
        }

        var found = new List<Recognition>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            found.Add(FromEntity(entity));
            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    private static TableEntity Decision(Recognition r, string partition)
    {
        var entity = new TableEntity(partition, Row(r.Key)) { ["Status"] = r.Status.ToString() };
        if (r.DecidedAt is { } decidedAt)
        {
            entity["DecidedAt"] = decidedAt;
        }

        return entity;
    }

    private static TableEntity ToEntity(Recognition r, string partition)
    {
        var entity = new TableEntity(partition, Row(r.Key))
        {
            ["TenantId"] = r.TenantId,
            ["Key"] = r.Key,
            ["GiverId"] = r.GiverId,
            ["GiverName"] = r.GiverName,
            ["RecipientId"] = r.RecipientId,
            ["RecipientName"] = r.RecipientName,
            ["Text"] = r.Text,
            ["Commitments"] = CommitmentList.Format(r.Commitments),
            ["GiverHopesToShare"] = r.GiverHopesToShare,
            ["Status"] = r.Status.ToString(),
            ["Delivery"] = r.Delivery.ToString(),
            ["GivenAt"] = r.GivenAt,
        };
        if (r.CelebrateInConversationId is not null)
        {
            entity["CelebrateInConversationId"] = r.CelebrateInConversationId;
            entity["CelebrateInTeamName"] = r.CelebrateInTeamName;
        }

        if (r.DecidedAt is { } decidedAt)
        {
            entity["DecidedAt"] = decidedAt;
        }

        return entity;
    }

    internal static Recognition FromEntity(TableEntity e) => new()
    {
        TenantId = e.GetString("TenantId"),
        Key = e.GetString("Key"),
        GiverId = e.GetString("GiverId"),
        GiverName = e.GetString("GiverName"),
        RecipientId = e.GetString("RecipientId"),
        RecipientName = e.GetString("RecipientName"),
        Text = e.GetString("Text"),
        Commitments = [.. CommitmentList.Parse(e.GetString("Commitments"))],
        GiverHopesToShare = e.GetBoolean("GiverHopesToShare") ?? false,
        CelebrateInConversationId = e.GetString("CelebrateInConversationId"),
        CelebrateInTeamName = e.GetString("CelebrateInTeamName"),
        Status = Enum.Parse<ConsentStatus>(e.GetString("Status")),
        Delivery = Enum.Parse<ChatAtGiving>(e.GetString("Delivery")),
        GivenAt = e.GetDateTimeOffset("GivenAt") ?? DateTimeOffset.MinValue,
        DecidedAt = e.GetDateTimeOffset("DecidedAt"),
    };
}
