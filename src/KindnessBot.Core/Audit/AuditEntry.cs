namespace KindnessBot.Core.Audit;

/// <summary>
/// One leader or admin action: who, what, when and in which team or chat. Never what anyone wrote: a statement is
/// named by its key, a schedule by its team.
/// </summary>
public sealed record AuditEntry(string TenantId, DateTimeOffset At, string ActorId, string ActorName, AuditAction Action, string ScopeId, string? Subject = null);
