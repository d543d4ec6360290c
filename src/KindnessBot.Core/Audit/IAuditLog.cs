namespace KindnessBot.Core.Audit;

/// <summary>The append-only record of leader and admin actions, for every feature.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>A page of the tenant's entries, newest first; <paramref name="before"/> is the last page's cursor.</summary>
    Task<AuditPage> ReadAsync(string tenantId, string? before, int pageSize, CancellationToken cancellationToken);
}
