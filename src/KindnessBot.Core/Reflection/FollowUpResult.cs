namespace KindnessBot.Core.Reflection;

/// <summary>What one follow-up sweep did.</summary>
public sealed record FollowUpResult(int Summaries, int FailuresReported, int Undelivered);
