using KindnessBot.Core.Conversations;

namespace KindnessBot.Core.Permissions;

/// <summary>Where statements were posted, and keeping their cards up to date there.</summary>
internal sealed class PostedStatements(IConversationStore conversations, IPermissionNotifier notifier)
{
    /// <summary>Updates the statement's card in place, if it was posted and the bot is still in that conversation.</summary>
    public async Task RefreshCardAsync(PermissionStatement statement, CancellationToken cancellationToken)
    {
        if (statement.ActivityId is not null && await WhereAsync(statement.TenantId, statement.ConversationId, cancellationToken) is { } where)
        {
            await notifier.UpdateAsync(statement, where, cancellationToken);
        }
    }

    /// <summary>The conversation, unless the bot has been removed from it.</summary>
    public async Task<ConversationRecord?> WhereAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        await conversations.FindAsync(tenantId, conversationId, cancellationToken) is { IsRemoved: false } where ? where : null;
}
