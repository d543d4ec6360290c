namespace KindnessBot.Core.Delivery;

/// <summary>What became of a message on the delivery path.</summary>
public enum DeliveryState
{
    /// <summary>Recorded and queued; waiting for its turn, the end of quiet hours, or a retry.</summary>
    Waiting,

    /// <summary>A worker holds a send lease on it.</summary>
    Sending,

    /// <summary>The person has no chat with the bot yet; it goes out when they first talk to it.</summary>
    Parked,

    Sent,

    /// <summary>No longer wanted: expired, opted out, or its cause is gone. Never sent.</summary>
    Dropped,

    /// <summary>Could not be delivered (the bot was removed, the person left, or attempts ran out); its feature was told.</summary>
    Failed,
}
