namespace KindnessBot.Core.Reflection;

/// <summary>
/// A person's answer to a prompt as the store gives it back. For an anonymous answer the person is null:
/// the store never had it.
/// </summary>
public sealed record ReflectionAnswer(string Text, int? Wellbeing, bool Anonymous, string? UserId, string? UserName, DateTimeOffset UpdatedAt);
