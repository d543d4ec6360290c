using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Audit;

public static class AuditLogExtensions
{
    /// <summary>Records what a leader did in a team or chat; nothing when the host has no audit log (some tests).</summary>
    public static Task RecordLeaderActionAsync(this IAuditLog? log, ConversationRecord scope, Person leader, AuditAction action, DateTimeOffset at, string? subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(leader);
        return log?.RecordAsync(new AuditEntry(scope.TenantId, at, leader.TeamsId, leader.Name, action, scope.ScopeId, subject), cancellationToken) ?? Task.CompletedTask;
    }
}
