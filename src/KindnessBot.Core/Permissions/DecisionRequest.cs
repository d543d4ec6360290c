using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Permissions;

/// <param name="StatementKey">The statement relied on; null for "my own judgement".</param>
public sealed record DecisionRequest(Person Person, ConversationRecord Scope, string Decided, string ForWhom, string? StatementKey, string Outcome, bool ShareAsStory);
