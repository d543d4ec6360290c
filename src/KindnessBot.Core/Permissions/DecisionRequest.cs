using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Permissions;

/// <param name="StatementKey">The statement relied on; null for "my own judgement".</param>
/// <param name="CardId">The decision form it came from: a card records at most one decision, however often it is submitted.</param>
public sealed record DecisionRequest(Person Person, ConversationRecord Scope, string Decided, string ForWhom, string? StatementKey, string Outcome, bool ShareAsStory, string CardId);
