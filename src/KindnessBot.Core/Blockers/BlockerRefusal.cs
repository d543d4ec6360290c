namespace KindnessBot.Core.Blockers;

/// <summary>Why a blocker action was refused. Nothing was stored.</summary>
public enum BlockerRefusal
{
    /// <summary>What is missing, or a choice is not one of the list.</summary>
    Invalid,

    /// <summary>What, the suggestion or the note is longer than 1,000 characters.</summary>
    TooLong,

    /// <summary>No such blocker in this tenant and team (another team's or tenant's counts as none).</summary>
    NotFound,

    NotALeader,

    /// <summary>The move is not one of the allowed steps.</summary>
    InvalidMove,

    /// <summary>Changed needs "we did: …", NotChanging needs "because: …".</summary>
    NoteRequired,

    /// <summary>Changed, NotChanging and Merged blockers stay as they are.</summary>
    Final,

    /// <summary>This person already counts as affected.</summary>
    AlreadyCounted,

    /// <summary>A blocker cannot be merged into itself, nor passed to its own team.</summary>
    Same,

    /// <summary>Someone else changed it at the same moment; read it again.</summary>
    ChangedMeanwhile,

    /// <summary>This form was sent already (a double click or a retry): the first send stands.</summary>
    AlreadyReported,
}

/// <summary>What a blocker action did: the blocker as it is now and the news for its reporter, or why nothing happened.</summary>
public sealed record BlockerResult(Blocker? Blocker, BlockerRefusal? Refusal, ReporterNotice? Notice = null)
{
    public bool Succeeded => Refusal is null;

    public static BlockerResult Refused(BlockerRefusal refusal) => new(null, refusal);
}
