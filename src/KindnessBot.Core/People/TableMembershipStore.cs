using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.People;

/// <summary>
/// Memberships in one table, each written from both sides so both questions are partition reads:
/// PartitionKey "{tenant}|p|{person}", RowKey the team ("which teams is this person in"), and PartitionKey
/// "{tenant}|t|{team}", RowKey the person ("who is in this team", for the daily comparison with the roster). The
/// rows hold no names, only ids. PartitionKey "{tenant}|indexed", RowKey the team, says when its roster was last read.
/// </summary>
public sealed class TableMembershipStore(StorageAccount account) : IMembershipStore
{
    private const int Concurrency = 16;
    private readonly TableClient _table = account.Table(PeopleStorage.MembershipsTable);

    public async Task<IReadOnlySet<string>> TeamsOfAsync(string tenantId, string personId, CancellationToken cancellationToken) =>
        await RowKeysAsync(PersonPartition(tenantId, personId), cancellationToken);

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> IndexedAtAsync(string tenantId, CancellationToken cancellationToken)
    {
        var indexed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexedPartition(tenantId)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "IndexedAt"], cancellationToken: cancellationToken))
        {
            indexed[TableKey.Decode(row.RowKey)] = row.GetDateTimeOffset("IndexedAt") ?? DateTimeOffset.MinValue;
        }

        return indexed;
    }

    public async Task JoinAsync(string tenantId, string teamId, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var ids = Valid(personIds);

        // The team's side first: if the process stops between the two, the daily comparison finds and completes it.
        await InBatchesAsync(TeamPartition(tenantId, teamId), ids, TableTransactionActionType.UpsertReplace, cancellationToken);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (id, ct) =>
            await _table.UpsertEntityAsync(new TableEntity(PersonPartition(tenantId, id), TableKey.Encode(teamId)), TableUpdateMode.Replace, ct));
    }

    public async Task LeaveAsync(string tenantId, string teamId, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var ids = Valid(personIds);

        // The person's side first, so a half-done removal never leaves someone seeing a team they have left.
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (id, ct) =>
            await DeleteAsync(PersonPartition(tenantId, id), TableKey.Encode(teamId), ct));
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (id, ct) =>
            await DeleteAsync(TeamPartition(tenantId, teamId), TableKey.Encode(id), ct));
    }

    public async Task ReplaceAsync(string tenantId, string teamId, IReadOnlyCollection<string> personIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var now = Valid(personIds).ToHashSet(StringComparer.Ordinal);
        var recorded = await RowKeysAsync(TeamPartition(tenantId, teamId), cancellationToken);
        await LeaveAsync(tenantId, teamId, [.. recorded.Where(id => !now.Contains(id))], cancellationToken);
        await JoinAsync(tenantId, teamId, [.. now.Where(id => !recorded.Contains(id))], cancellationToken);
        await _table.UpsertEntityAsync(new TableEntity(IndexedPartition(tenantId), TableKey.Encode(teamId)) { ["IndexedAt"] = at }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task ForgetTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        await DeleteAsync(IndexedPartition(tenantId), TableKey.Encode(teamId), cancellationToken);
        await LeaveAsync(tenantId, teamId, [.. await RowKeysAsync(TeamPartition(tenantId, teamId), cancellationToken)], cancellationToken);
    }

    internal static string PersonPartition(string tenantId, string personId) => TableKey.Compose(tenantId, "p", personId);

    internal static string TeamPartition(string tenantId, string teamId) => TableKey.Compose(tenantId, "t", teamId);

    private static string IndexedPartition(string tenantId) => TableKey.Compose(tenantId, "indexed");

    // Ids come from Teams; one that could not be a key (empty, or too long once encoded) is not a person we can index.
    private static List<string> Valid(IEnumerable<string> ids) =>
        [.. ids.Where(id => !string.IsNullOrEmpty(id) && id.Length <= TableKey.MaxEncodedLength / 3).Distinct(StringComparer.Ordinal)];

    private async Task<HashSet<string>> RowKeysAsync(string partition, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(TableKey.Decode(row.RowKey));
        }

        return keys;
    }

    private async Task InBatchesAsync(string partition, IReadOnlyList<string> rowIds, TableTransactionActionType type, CancellationToken cancellationToken)
    {
        foreach (var chunk in rowIds.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk.Select(id => new TableTransactionAction(type, new TableEntity(partition, TableKey.Encode(id)))), cancellationToken);
        }
    }

    private async Task DeleteAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: leaving twice is leaving once.
        }
    }
}
