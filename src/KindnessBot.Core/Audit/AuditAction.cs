namespace KindnessBot.Core.Audit;

/// <summary>What a leader or admin did, or a person did with their own data. Stored by name: never rename a member.</summary>
public enum AuditAction
{
    StatementPosted,
    StatementRevoked,
    StatementExtended,
    ReflectionSetUp,
    ReflectionPaused,
    ReflectionResumed,
    ReflectionSkipped,
    PersonalDataExported,
    PersonalDataErased,
    LeaderFounded,
    LeaderAdded,
    LeaderRemoved,
    SummaryRead,
    BlockerMoved,
    BlockerMerged,
    BlockerPassed,
    BlockerDigestSet,
    PulseAsked,
    PulseClosed,
    PulseRead,
    KindnessStatementWritten,
}
