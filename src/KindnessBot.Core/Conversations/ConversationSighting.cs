namespace KindnessBot.Core.Conversations;

/// <summary>What an incoming activity told the bot about a conversation.</summary>
public enum SightingEvent
{
    /// <summary>An ordinary activity (a message, a card submit): the conversation is alive.</summary>
    Activity,

    /// <summary>The bot was added to the conversation (or the team).</summary>
    Installed,

    /// <summary>The bot was removed from the conversation (or the team).</summary>
    Uninstalled,

    TeamRenamed,
    ChannelCreated,
    ChannelRenamed,
    ChannelDeleted,
}

/// <param name="Event">What happened.</param>
/// <param name="Conversation">The conversation it happened to, as the activity describes it now.</param>
/// <param name="ActorId">The Teams id of the person whose action caused it.</param>
public sealed record ConversationSighting(SightingEvent Event, ConversationRecord Conversation, string ActorId);
