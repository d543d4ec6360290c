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
