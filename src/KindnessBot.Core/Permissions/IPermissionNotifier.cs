using KindnessBot.Core.Conversations;

namespace KindnessBot.Core.Permissions;

/// <summary>Shows statements and stories in Teams (an edge: the bot implements it).</summary>
public interface IPermissionNotifier
{
    /// <summary>Posts the statement's card and returns its activity id.</summary>
    Task<string?> PostAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken);

    /// <summary>Updates the posted card in place: counts, revoked, expired, extended.</summary>
    Task UpdateAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken);

    Task PostStoryAsync(FlexDecision decision, PermissionStatement? statement, ConversationRecord where, CancellationToken cancellationToken);

    /// <summary>Reminds the leader that a statement expires soon, with a way to extend it.</summary>
    Task RemindAsync(PermissionStatement statement, ConversationRecord leaderChat, CancellationToken cancellationToken);
}
