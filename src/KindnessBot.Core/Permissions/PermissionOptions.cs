namespace KindnessBot.Core.Permissions;

public sealed class PermissionOptions
{
    public const string Section = "Permissions";

    /// <summary>
    /// How many flexible decisions one person may record in a UTC day. Twenty is well above what anyone records by
    /// hand (each takes a minute or two to write, and even a busy front-line shift rarely has more than a handful worth
    /// telling), yet it bounds what one person, a stuck client or a forged submit can write and post as stories.
    /// </summary>
    public int DailyDecisionLimit { get; set; } = 20;
}
