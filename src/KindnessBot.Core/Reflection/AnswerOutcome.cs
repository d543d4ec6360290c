namespace KindnessBot.Core.Reflection;

/// <summary>How an answer to a prompt went, and what the prompt card now shows.</summary>
public sealed record AnswerOutcome(AnswerResult Result, int AnswerCount);
