namespace KindnessBot.Core.Permissions;

/// <summary>Statements, the read/used markers that make each person count once, decisions, and the reminder calendar.</summary>
public interface IPermissionStore
{
    /// <summary>Stores a new statement and puts its reminder and expiry days in the calendar.</summary>
    Task AddAsync(PermissionStatement statement, CancellationToken cancellationToken);

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

    Task AddDecisionAsync(FlexDecision decision, CancellationToken cancellationToken);

    Task<IReadOnlyList<FlexDecision>> DecisionsAsync(string tenantId, string scopeId, CancellationToken cancellationToken);

    /// <summary>Statements whose reminder or expiry falls on <paramref name="day"/>.</summary>
    Task<IReadOnlyList<(string TenantId, string ScopeId, string Key)>> DueOnAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>Puts a statement's reminder and expiry days in the calendar (again, after an extension).</summary>
    Task ScheduleAsync(PermissionStatement statement, CancellationToken cancellationToken);
}
