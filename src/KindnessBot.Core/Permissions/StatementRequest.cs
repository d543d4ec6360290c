using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Permissions;

/// <param name="Where">The team channel or group chat the statement is for and is posted in.</param>
/// <param name="CardId">
/// The leader's form it came from: a card makes at most one statement, so pressing "Post it" again (after Teams refused
/// the post, or a double click) posts that one instead of a second. Null: a fresh statement every time.
/// </param>
public sealed record StatementRequest(Person Leader, ConversationRecord Where, string What, string Boundaries, IReadOnlyList<Commitment> Commitments, DateOnly ValidFrom, DateOnly ValidUntil, string? CardId = null);
