namespace KindnessBot.Core.Delivery;

public enum SendResult
{
    /// <summary>Teams accepted the message and gave its activity id.</summary>
    Sent,

    /// <summary>Worth trying again later: 429 (with Retry-After), 412, 502, 503, 504, a timeout or a dropped connection.</summary>
    Transient,

    /// <summary>Will never work: the bot was removed from the team, the channel was deleted, the card was refused.</summary>
    Permanent,

    /// <summary>Nothing was left to send once the messages were looked at again (each dropped, or its cause not stored yet).</summary>
    NothingSent,
}
