using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Permissions;

/// <param name="Where">The team channel or group chat the statement is for and is posted in.</param>
public sealed record StatementRequest(Person Leader, ConversationRecord Where, string What, string Boundaries, IReadOnlyList<Commitment> Commitments, DateOnly ValidFrom, DateOnly ValidUntil);
