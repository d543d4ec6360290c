using System.Globalization;
using Azure.Data.Tables;
using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Permissions;

/// <summary>Statements and decisions as table rows and back; the keys are <see cref="TablePermissionStore"/>'s to choose.</summary>
internal static class PermissionEntities
{
    public static TableEntity Statement(PermissionStatement s, string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        ["TenantId"] = s.TenantId,
        ["ScopeId"] = s.ScopeId,
        ["ConversationId"] = s.ConversationId,
        ["Key"] = s.Key,
        ["LeaderId"] = s.LeaderId,
        ["LeaderName"] = s.LeaderName,
        ["What"] = s.What,
        ["Boundaries"] = s.Boundaries,
        ["Commitments"] = CommitmentList.Format(s.Commitments),
        ["ValidFrom"] = s.ValidFrom.ToString("O", CultureInfo.InvariantCulture),
        ["ValidUntil"] = s.ValidUntil.ToString("O", CultureInfo.InvariantCulture),
        ["PostedAt"] = s.PostedAt,
        ["Revoked"] = s.Revoked,
        ["ActivityId"] = s.ActivityId,
        ["PostingSince"] = s.PostingSince,
        ["ReadCount"] = s.ReadCount,
        ["UsedCount"] = s.UsedCount,
        ["RemindedFor"] = s.RemindedFor?.ToString("O", CultureInfo.InvariantCulture),
    };

    public static PermissionStatement Statement(TableEntity e) => new()
    {
        TenantId = e.GetString("TenantId"),
        ScopeId = e.GetString("ScopeId"),
        ConversationId = e.GetString("ConversationId"),
        Key = e.GetString("Key"),
        LeaderId = e.GetString("LeaderId"),
        LeaderName = e.GetString("LeaderName"),
        What = e.GetString("What"),
        Boundaries = e.GetString("Boundaries"),
        Commitments = [.. CommitmentList.Parse(e.GetString("Commitments"))],
        ValidFrom = DateOnly.Parse(e.GetString("ValidFrom"), CultureInfo.InvariantCulture),
        ValidUntil = DateOnly.Parse(e.GetString("ValidUntil"), CultureInfo.InvariantCulture),
        PostedAt = e.GetDateTimeOffset("PostedAt") ?? DateTimeOffset.MinValue,
        Revoked = e.GetBoolean("Revoked") ?? false,
        ActivityId = e.GetString("ActivityId"),
        PostingSince = e.GetDateTimeOffset("PostingSince"),
        ReadCount = e.GetInt32("ReadCount") ?? 0,
        UsedCount = e.GetInt32("UsedCount") ?? 0,
        RemindedFor = e.GetString("RemindedFor") is { } reminded ? DateOnly.Parse(reminded, CultureInfo.InvariantCulture) : null,
    };

    public static TableEntity Decision(FlexDecision d, string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        ["TenantId"] = d.TenantId,
        ["ScopeId"] = d.ScopeId,
        ["Key"] = d.Key,
        ["PersonId"] = d.PersonId,
        ["PersonName"] = d.PersonName,
        ["Decided"] = d.Decided,
        ["ForWhom"] = d.ForWhom,
        ["StatementKey"] = d.StatementKey,
        ["Outcome"] = d.Outcome,
        ["ShareAsStory"] = d.ShareAsStory,
        ["MadeAt"] = d.MadeAt,
    };

    public static FlexDecision Decision(TableEntity e) => new()
    {
        TenantId = e.GetString("TenantId"),
        ScopeId = e.GetString("ScopeId"),
        Key = e.GetString("Key"),
        PersonId = e.GetString("PersonId"),
        PersonName = e.GetString("PersonName"),
        Decided = e.GetString("Decided"),
        ForWhom = e.GetString("ForWhom"),
        StatementKey = e.GetString("StatementKey"),
        Outcome = e.GetString("Outcome"),
        ShareAsStory = e.GetBoolean("ShareAsStory") ?? false,
        MadeAt = e.GetDateTimeOffset("MadeAt") ?? DateTimeOffset.MinValue,
    };
}
