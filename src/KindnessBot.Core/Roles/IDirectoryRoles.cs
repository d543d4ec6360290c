namespace KindnessBot.Core.Roles;

/// <summary>
/// What the organisation's directory (Microsoft Graph) says about roles: an edge, used only when configured, mocked in
/// tests. Implementations may throw; <see cref="Authorisation"/> treats a failure as "no".
/// </summary>
public interface IDirectoryRoles
{
    /// <summary>True when the person (Entra object id) is a member of the group, directly or through other groups.</summary>
    Task<bool> IsMemberOfGroupAsync(string aadObjectId, string groupId, CancellationToken cancellationToken);

    /// <summary>The Entra object ids of the owners of the team's Microsoft 365 group.</summary>
    Task<IReadOnlyList<string>> TeamOwnersAsync(string teamAadGroupId, CancellationToken cancellationToken);
}
