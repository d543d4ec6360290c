using System.Text.Json;
using Azure.Data.Tables;

namespace KindnessBot.Core.Blockers;

/// <summary>Blockers to and from table rows: the whole blocker, and its index row (no reporter, no history).</summary>
internal static class BlockerRows
{
    private const int MaxHistory = 50;

    public static TableEntity Row(Blocker b)
    {
        var row = Summary(b, BlockerKeys.BlockerPartition(b.TenantId), b.Id);
        row["Kind"] = "blocker";
        row["Anonymous"] = b.Anonymous;
        row["ReporterId"] = b.ReporterId;
        row["ReporterName"] = b.ReporterName;
        row["SealedAddress"] = b.SealedAddress;
        row["MergedInto"] = b.MergedInto;
        row["History"] = JsonSerializer.Serialize(b.History.TakeLast(MaxHistory));
        return row;
    }

    public static TableEntity IndexRow(Blocker b) => Summary(b, BlockerKeys.IndexPartition(b.TenantId, b.TeamId), BlockerKeys.IndexRow(b));

    public static Blocker ToBlocker(string tenantId, TableEntity e) => new()
    {
        TenantId = tenantId,
        Id = e.RowKey,
        TeamId = e.GetString("TeamId") ?? "",
        What = e.GetString("What") ?? "",
        Where = Parse<BlockerWhere>(e.GetString("Where")),
        Affected = Parse<BlockerAffected>(e.GetString("Affected")),
        Suggestion = e.GetString("Suggestion"),
        Status = Parse<BlockerStatus>(e.GetString("Status")),
        Anonymous = e.GetBoolean("Anonymous") ?? true,
        ReporterId = e.GetString("ReporterId"),
        ReporterName = e.GetString("ReporterName"),
        SealedAddress = e.GetString("SealedAddress"),
        AffectsCount = e.GetInt32("AffectsCount") ?? 0,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        Outcome = e.GetString("Outcome"),
        MergedInto = e.GetString("MergedInto"),
        History = JsonSerializer.Deserialize<List<BlockerEvent>>(e.GetString("History") ?? "[]") ?? [],
        ETag = e.ETag,
    };

    public static BlockerSummary ToSummary(TableEntity e) => new(
        e.GetString("Id") ?? "",
        e.GetString("TeamId") ?? "",
        e.GetString("What") ?? "",
        Parse<BlockerWhere>(e.GetString("Where")),
        Parse<BlockerAffected>(e.GetString("Affected")),
        e.GetString("Suggestion"),
        Parse<BlockerStatus>(e.GetString("Status")),
        e.GetInt32("AffectsCount") ?? 0,
        e.GetDateTimeOffset("CreatedAt") ?? default,
        e.GetDateTimeOffset("UpdatedAt") ?? default,
        e.GetDateTimeOffset("ClosedAt"),
        e.GetString("Outcome"));

    private static TableEntity Summary(Blocker b, string partition, string row) => new(partition, row)
    {
        ["Id"] = b.Id,
        ["TeamId"] = b.TeamId,
        ["What"] = b.What,
        ["Where"] = b.Where.ToString(),
        ["Affected"] = b.Affected.ToString(),
        ["Suggestion"] = b.Suggestion,
        ["Status"] = b.Status.ToString(),
        ["AffectsCount"] = b.AffectsCount,
        ["CreatedAt"] = b.CreatedAt,
        ["UpdatedAt"] = b.UpdatedAt,
        ["ClosedAt"] = b.ClosedAt,
        ["Outcome"] = b.Outcome,
    };

    private static T Parse<T>(string? value)
        where T : struct, Enum => Enum.TryParse<T>(value, out var parsed) ? parsed : default;
}
