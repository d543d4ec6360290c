namespace KindnessBot.Core.Recognition;

/// <summary>Whether the recipient had a chat with the bot when the recognition was given (what the giver was told).</summary>
public enum ChatAtGiving
{
    /// <summary>No chat yet: the consent request waits on the delivery path until they first talk to the bot.</summary>
    Waiting,
    Delivered,
}
