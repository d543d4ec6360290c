namespace KindnessBot.Core.Reflection;

/// <summary>What became of an answer submit. Everything but Saved and Updated stored nothing.</summary>
public enum AnswerResult
{
    Saved,
    Updated,
    UnknownPrompt,
    NotThisTeam,
    Closed,
    Empty,
    TooLong,
    WellbeingOutOfRange,
    TooManyChanges,
}
