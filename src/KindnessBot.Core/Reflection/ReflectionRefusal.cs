using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Reflection;

/// <summary>Why a leader's reflection action was refused. Nothing was stored.</summary>
public enum ReflectionRefusal
{
    NotALeader,
    Invalid,
    NotSetUp,
}
