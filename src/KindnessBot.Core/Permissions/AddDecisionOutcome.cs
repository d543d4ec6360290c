namespace KindnessBot.Core.Permissions;

public enum AddDecisionOutcome
{
    Added,

    /// <summary>The same card was submitted before: nothing new was stored, and the stored decision is returned.</summary>
    Duplicate,

    /// <summary>The person has recorded as many decisions today as they may: nothing was stored.</summary>
    DailyLimitReached,
}
