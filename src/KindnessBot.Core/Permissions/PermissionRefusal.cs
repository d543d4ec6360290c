namespace KindnessBot.Core.Permissions;

public enum PermissionRefusal
{
    NotALeader,
    BadDates,
    NotFound,
    NotActive,
}
