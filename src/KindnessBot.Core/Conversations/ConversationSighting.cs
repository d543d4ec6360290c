namespace KindnessBot.Core.Conversations;

/// <param name="Event">What happened.</param>
/// <param name="Conversation">The conversation it happened to, as the activity describes it now.</param>
/// <param name="ActorId">The Teams id of the person whose action caused it.</param>
public sealed record ConversationSighting(SightingEvent Event, ConversationRecord Conversation, string ActorId);
