namespace KindnessBot.Core.Recognition;

public enum Delivery
{
    /// <summary>The recipient has no personal chat with the bot yet; it is delivered when they first talk to it.</summary>
    Waiting,
    Delivered,
}
