using KindnessBot.Core.Conversations;

namespace KindnessBot.Core.Permissions;

/// <summary>Updates statement cards in place in Teams (an edge: the bot implements it). New messages go through the delivery path.</summary>
public interface IPermissionNotifier
{
    /// <summary>Updates the posted card in place: counts, revoked, expired, extended.</summary>
    Task UpdateAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken);
}
