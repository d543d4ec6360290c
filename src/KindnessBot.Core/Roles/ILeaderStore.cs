namespace KindnessBot.Core.Roles;

/// <summary>Each team's (or group chat's) leaders, one row per team, changed only under its ETag.</summary>
public interface ILeaderStore
{
    Task<TeamLeaders?> FindAsync(string tenantId, string scopeId, CancellationToken cancellationToken);

    /// <summary>
    /// Founds the team with <paramref name="founder"/> (or none) as its first leader, if it was never founded: a
    /// conditional insert, so of any number of installs, reinstalls or retries exactly one founds it. True for that one.
    /// </summary>
    Task<bool> TryFoundAsync(string tenantId, string scopeId, TeamLeader? founder, CancellationToken cancellationToken);

    /// <summary>Adds a leader (a calm no-op when they already lead); concurrent changes are retried, so none is lost.</summary>
    Task<LeaderChange> AddAsync(string tenantId, string scopeId, TeamLeader leader, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a leader (a calm no-op when they do not lead). Unless <paramref name="mayRemoveLast"/>, the last leader
    /// stays: checked under the row's ETag, so two concurrent removals cannot leave a team without one.
    /// </summary>
    Task<LeaderChange> RemoveAsync(string tenantId, string scopeId, string teamsId, bool mayRemoveLast, CancellationToken cancellationToken);
}
