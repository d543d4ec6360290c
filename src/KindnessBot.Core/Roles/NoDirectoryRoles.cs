namespace KindnessBot.Core.Roles;

/// <summary>No directory configured (the default): nobody is an admin through a group, no team has owners. Never calls out.</summary>
public sealed class NoDirectoryRoles : IDirectoryRoles
{
    public Task<bool> IsMemberOfGroupAsync(string aadObjectId, string groupId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<IReadOnlyList<string>> TeamOwnersAsync(string teamAadGroupId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
}
