namespace KindnessBot.Core.Reflection;

/// <summary>Why a schedule was refused; each has a kind message in ReflectionText.resx.</summary>
public enum ScheduleProblem
{
    UnknownTimeZone,
    ImpossibleTime,
    NoCommitments,
    UnknownCommitment,
    OpenTooLong,
    MissingTeam,
}
