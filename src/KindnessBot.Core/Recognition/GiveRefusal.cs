namespace KindnessBot.Core.Recognition;

public enum GiveRefusal
{
    Yourself,
    RecipientNotFound,
    TeamNotYours,
    DailyLimitReached,
}
