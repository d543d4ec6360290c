namespace KindnessBot.Core.Recognition;

public enum AddOutcome
{
    Added,

    /// <summary>The same card was submitted before (a double click or a Teams retry): nothing new was stored.</summary>
    Duplicate,

    /// <summary>The giver has reached today's limit: nothing was stored.</summary>
    DailyLimitReached,
}
