using KindnessBot.Core.Conversations;

namespace KindnessBot.Core.People;

/// <summary>Until the product has roles: the configured admins, and whoever installed the bot in that team or chat.</summary>
public sealed class InstallerOrAdminLeaderPolicy(LeaderOptions options, IConversationStore conversations) : ILeaderPolicy
{
    public async Task<bool> IsLeaderAsync(ConversationRecord scope, string userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (options.IsAdmin(userId, aadObjectId))
        {
            return true;
        }

        var stored = await conversations.FindAsync(scope.TenantId, scope.ScopeId, cancellationToken);
        return stored is { IsRemoved: false } && string.Equals(stored.InstalledBy, userId, StringComparison.Ordinal);
    }
}
