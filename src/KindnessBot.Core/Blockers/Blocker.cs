namespace KindnessBot.Core.Blockers;

/// <summary>
/// What got in the way of kindness for a team, as a staff member reported it, and what the team's leaders did with it.
/// An anonymous blocker has no reporter: only <see cref="SealedAddress"/>, which the delivery path alone can open.
/// </summary>
public sealed record Blocker
{
    public required string TenantId { get; init; }

    public required string Id { get; init; }

    /// <summary>The team (its scope id) the blocker is with now; a pass changes it.</summary>
    public required string TeamId { get; init; }

    public required string What { get; init; }

    public required BlockerWhere Where { get; init; }

    public required BlockerAffected Affected { get; init; }

    public string? Suggestion { get; init; }

    public required BlockerStatus Status { get; init; }

    public required bool Anonymous { get; init; }

    /// <summary>A named reporter's Teams user id; null when anonymous or erased.</summary>
    public string? ReporterId { get; init; }

    public string? ReporterName { get; init; }

    /// <summary>An anonymous reporter's sealed address (<see cref="Privacy.SealedAddress"/>); null when named or erased.</summary>
    public string? SealedAddress { get; init; }

    /// <summary>How many distinct people it affects: the reporter and everyone who said "this affects me too".</summary>
    public int AffectsCount { get; init; }

    /// <summary>When it was reported; for an anonymous report, the day only (an instant could point at who).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>"We did: …" for Changed, "because: …" for NotChanging.</summary>
    public string? Outcome { get; init; }

    /// <summary>For a merged duplicate: the blocker it was merged into.</summary>
    public string? MergedInto { get; init; }

    public IReadOnlyList<BlockerEvent> History { get; init; } = [];

    internal Azure.ETag ETag { get; init; }

    public bool IsClosed => BlockerMoves.IsClosed(Status);
}

/// <summary>One step of a blocker's history. Never who did it (the audit log holds leaders' actions).</summary>
public sealed record BlockerEvent(DateTimeOffset At, BlockerEventKind Kind, BlockerStatus Status, string? FromTeam = null, string? ToTeam = null);

public enum BlockerEventKind
{
    Reported,
    Moved,
    Merged,
    Passed,
}

/// <summary>Where the blocker lies. Stored by name: never rename a member.</summary>
public enum BlockerWhere
{
    Policy,
    Process,
    ToolOrSystem,
    Workload,
    OutsideDependency,
    Other,
}

/// <summary>Whom it gets in the way of. Stored by name: never rename a member.</summary>
public enum BlockerAffected
{
    PeopleWeServe,
    Colleagues,
    Me,
}

/// <summary>Where a blocker is. Stored by name: never rename a member.</summary>
public enum BlockerStatus
{
    New,
    Acknowledged,
    InProgress,
    Changed,
    NotChanging,
    Merged,
}
