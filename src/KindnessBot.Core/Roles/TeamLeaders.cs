namespace KindnessBot.Core.Roles;

/// <summary>
/// A team's (or group chat's) leaders as stored. The row exists from the moment the team was founded (its first
/// install) or its first leader was added, and is never deleted, so a reinstall never founds it again.
/// </summary>
public sealed record TeamLeaders(IReadOnlyList<TeamLeader> Leaders, string? FoundedBy, DateTimeOffset? FoundedAt)
{
    public bool Includes(string teamsId) => Leaders.Any(l => string.Equals(l.TeamsId, teamsId, StringComparison.Ordinal));
}
