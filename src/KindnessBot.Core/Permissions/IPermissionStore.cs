namespace KindnessBot.Core.Permissions;

/// <summary>Statements, the markers that make each reader count once and each card act once, decisions, the daily limit, and the reminder calendar.</summary>
public interface IPermissionStore
{
    /// <summary>
    /// Stores a new statement once per card (<paramref name="cardId"/>) and puts its reminder and expiry days in the
    /// calendar. Returns what is stored: this statement, or the one the card made before.
    /// </summary>
    Task<PermissionStatement> AddAsync(PermissionStatement statement, string cardId, CancellationToken cancellationToken);

    Task<PermissionStatement?> FindAsync(string tenantId, string scopeId, string key, CancellationToken cancellationToken);

    /// <summary>The scope's statements, newest first.</summary>
    Task<IReadOnlyList<PermissionStatement>> ListAsync(string tenantId, string scopeId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> with optimistic concurrency (ETag), reading again and retrying on conflict,
    /// so no update is lost. A change that returns null leaves the statement as it is. Returns the stored result
    /// and how many conflicts were retried.
    /// </summary>
    Task<(PermissionStatement? Statement, int Conflicts)> UpdateAsync(string tenantId, string scopeId, string key, Func<PermissionStatement, PermissionStatement?> change, CancellationToken cancellationToken);

    /// <summary>Records that a person pressed a button on a statement; false when they had already.</summary>
    Task<bool> TryMarkAsync(PermissionStatement statement, string kind, string personId, CancellationToken cancellationToken);

    /// <summary>How many people have pressed <paramref name="kind"/> on the statement: the source of truth for its count.</summary>
    Task<int> CountMarksAsync(PermissionStatement statement, string kind, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a decision once per card (<paramref name="cardId"/>), unless its person already recorded
    /// <paramref name="dailyLimit"/> that UTC day, and raises the used count of the statement it relied on with it. On a
    /// duplicate, returns the decision the card made before.
    /// </summary>
    Task<(AddDecisionOutcome Outcome, FlexDecision Stored)> AddDecisionAsync(FlexDecision decision, string cardId, int dailyLimit, CancellationToken cancellationToken);

    Task<IReadOnlyList<FlexDecision>> DecisionsAsync(string tenantId, string scopeId, CancellationToken cancellationToken);

    /// <summary>Statements whose reminder or expiry falls on <paramref name="day"/>.</summary>
    Task<IReadOnlyList<(string TenantId, string ScopeId, string Key)>> DueOnAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>Puts a statement's reminder and expiry days in the calendar (again, after an extension).</summary>
    Task ScheduleAsync(PermissionStatement statement, CancellationToken cancellationToken);
}
