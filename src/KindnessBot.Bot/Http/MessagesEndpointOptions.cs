namespace KindnessBot.Bot.Http;

public sealed class MessagesEndpointOptions
{
    public const string Section = "Messages";

    /// <summary>Largest activity accepted. Teams messages stay under about 28 KB; card submits are smaller.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}
