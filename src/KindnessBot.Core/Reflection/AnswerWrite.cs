namespace KindnessBot.Core.Reflection;

/// <summary>What saving an answer did.</summary>
public enum AnswerWrite
{
    Added,
    Replaced,
    TooManyChanges,
}
