using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Reflection;

/// <summary>A question of the bank: its stable key (recorded with each prompt) and its text.</summary>
public sealed record ReflectionQuestion(string Key, Commitment Commitment, string Text);
