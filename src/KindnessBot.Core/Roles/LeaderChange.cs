namespace KindnessBot.Core.Roles;

/// <summary>What became of a request to change a team's leaders: expected outcomes, each answered kindly.</summary>
public enum LeaderChange
{
    Added,
    Removed,

    /// <summary>Already a leader (add) or not one (remove): nothing to do, nothing changed.</summary>
    AlreadySo,

    /// <summary>The one asking may not change this team's leaders.</summary>
    NotALeader,

    /// <summary>The person is not a member of the team of this tenant, or is a guest.</summary>
    NotEligible,

    /// <summary>A leader may not remove the last leader (an admin may).</summary>
    LastLeader,

    /// <summary>The team has as many leaders as it may have.</summary>
    Full,
}
