namespace KindnessBot.Core.Reflection;

/// <summary>
/// A member's answer as it came from the prompt card: nothing here is trusted yet. <paramref name="TeamId"/> is the
/// team the card was submitted in (from the activity); <paramref name="PromptTeamId"/> and <paramref name="Week"/>
/// name the prompt (from the card's data).
/// </summary>
public sealed record AnswerSubmit(string TenantId, string TeamId, string PromptTeamId, string Week, string UserId, string? UserName, string? Text, int? Wellbeing, bool Anonymous);
