namespace KindnessBot.Core.Reflection;

/// <summary>A prompt: one team's question for one ISO week.</summary>
public sealed record PromptId(string TeamId, string Week);
