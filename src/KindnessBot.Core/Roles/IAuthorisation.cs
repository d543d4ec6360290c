using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Roles;

/// <summary>
/// Who may do what: the one authorisation check every feature's service and every verb asks. The person always comes
/// from the activity, never from what a card says.
/// </summary>
public interface IAuthorisation
{
    /// <summary>An org admin: configured by id, or (with Graph) a member of the admins' Entra group.</summary>
    Task<bool> IsAdminAsync(Person person, CancellationToken cancellationToken);

    /// <summary>
    /// May act as a leader in this team or group chat: an admin, a stored leader of it, or (with Graph) an owner of the
    /// team; never a guest.
    /// </summary>
    Task<bool> IsLeaderAsync(ConversationRecord scope, Person person, CancellationToken cancellationToken);

    /// <summary>Who leads this team or chat now (its stored leaders and, with Graph, its owners), for who receives summaries.</summary>
    Task<IReadOnlyList<Person>> LeadersOfAsync(ConversationRecord scope, CancellationToken cancellationToken);
}
