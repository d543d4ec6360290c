namespace KindnessBot.Core.Audit;

/// <summary>A page of the audit log and the cursor of the next (older) page, or null when there is none.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Next);
