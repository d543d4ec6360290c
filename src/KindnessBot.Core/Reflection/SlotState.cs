namespace KindnessBot.Core.Reflection;

/// <summary>What became of a (team, week) slot.</summary>
public enum SlotState
{
    Claimed,
    Enqueued,
    Sending,
    Sent,
    Skipped,
    Failed,
}
