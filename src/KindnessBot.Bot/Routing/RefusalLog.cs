namespace KindnessBot.Bot.Routing;

/// <summary>What every feature logs when the one authorisation check refuses someone (never who, never what they wrote).</summary>
internal static partial class RefusalLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a leader action ({Verb}) from someone who is not a leader there")]
    public static partial void NotALeader(ILogger logger, string verb);
}
