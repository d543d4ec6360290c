namespace KindnessBot.Core.Conversations;

/// <summary>
/// Keeps the stored conversations in step with what Teams tells the bot: installs, removals, renames and
/// ordinary traffic. Ordinary traffic is written only when it tells something new, so a busy chat costs no
/// storage writes; events are always written.
/// </summary>
public enum SightingOutcome
{
    /// <summary>Nothing new: nothing was written.</summary>
    Unchanged,

    /// <summary>Something was written (a first sighting on this instance, a change, or an event).</summary>
    Saved,

    /// <summary>
    /// Traffic from a team channel or group chat the bot has no record of being installed in: nothing was written,
    /// and the conversation is not one features can reach.
    /// </summary>
    NotInstalled,

    /// <summary>This installation made the conversation active: welcome them, once.</summary>
    Activated,
}
