namespace KindnessBot.Core.Reflection;

/// <summary>Why a leader's reflection action was refused. Nothing was stored.</summary>
public enum ReflectionRefusal
{
    NotALeader,
    Invalid,
    NotSetUp,
}
