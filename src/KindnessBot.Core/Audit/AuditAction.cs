namespace KindnessBot.Core.Audit;

/// <summary>What a leader or admin did. Stored by name: never rename a member.</summary>
public enum AuditAction
{
    StatementPosted,
    StatementRevoked,
    StatementExtended,
    ReflectionSetUp,
    ReflectionPaused,
    ReflectionResumed,
    ReflectionSkipped,
    LeaderFounded,
    LeaderAdded,
    LeaderRemoved,
}
