namespace KindnessBot.Core.Permissions;

public enum PermissionRefusal
{
    NotALeader,
    BadDates,
    NotFound,
    NotActive,

    /// <summary>The person has recorded as many flexible decisions today as they may.</summary>
    DailyLimitReached,
}
