using KindnessBot.Core.Delivery;

namespace KindnessBot.Bot.Delivery;

/// <summary>
/// Installs KindnessBot for a person who never opened it, through Microsoft Graph (POST users/{id}/teamwork/installedApps
/// with the app's catalog id), so Teams opens their chat with the bot. Needs TeamsAppInstallation.ReadWriteForUser.All,
/// granted by an admin; registered only with <see cref="DeliveryOptions.InstallForPeople"/>. An app that is already
/// installed (409) counts as installed.
/// </summary>
internal sealed class GraphAppInstaller(ITeamsAppGraph graph, DeliveryOptions options) : IAppInstaller
{
    public async Task<bool> InstallForAsync(string tenantId, string teamsUserId, string aadObjectId, CancellationToken cancellationToken)
    {
        if (options.TeamsAppCatalogId is not { Length: > 0 } catalogId || !Guid.TryParse(aadObjectId, out _))
        {
            return false;
        }

        var status = await graph.InstallForUserAsync(aadObjectId, catalogId, cancellationToken);
        return status is >= 200 and < 300 or 409;
    }
}
