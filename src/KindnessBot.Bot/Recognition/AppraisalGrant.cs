namespace KindnessBot.Bot.Recognition;

/// <summary>What a download link grants: one person's own summary, for a period (until the link expires).</summary>
public sealed record AppraisalGrant(string TenantId, string UserId, int Months);
