using KindnessBot.Core.Conversations;

namespace KindnessBot.Core.People;

/// <summary>Who is in a chat or team: the Teams roster, read through the Teams connector (an edge, mocked in tests).</summary>
public interface IPeopleDirectory
{
    Task<IReadOnlyList<Person>> MembersAsync(ConversationRecord conversation, CancellationToken cancellationToken);
}
