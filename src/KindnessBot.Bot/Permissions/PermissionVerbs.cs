namespace KindnessBot.Bot.Permissions;

/// <summary>The verbs the permission cards' buttons carry. Names are part of every card already sent: never rename one.</summary>
public static class PermissionVerbs
{
    public const string Preview = "permission-preview";
    public const string Post = "permission-post";
    public const string Read = "permission-read";
    public const string Used = "permission-used";
    public const string Revoke = "permission-revoke";
    public const string Extend = "permission-extend";
    public const string FlexRecord = "flex-record";
    public const string FlexLogPage = "flex-log-page";
    public const string PermissionsPage = "permissions-page";
}
