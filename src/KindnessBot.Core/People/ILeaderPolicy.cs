using KindnessBot.Core.Conversations;

namespace KindnessBot.Core.People;

/// <summary>
/// Who may act as a leader in a team or chat. The one place this is decided, for every feature, so it can be
/// replaced when the product has roles.
/// </summary>
public interface ILeaderPolicy
{
    Task<bool> IsLeaderAsync(ConversationRecord scope, string userId, string? aadObjectId, CancellationToken cancellationToken);
}
