namespace KindnessBot.Core.Blockers;

/// <summary>A blocker as a team's list shows it (its index row): never who reported it.</summary>
public sealed record BlockerSummary(
    string Id,
    string TeamId,
    string What,
    BlockerWhere Where,
    BlockerAffected Affected,
    string? Suggestion,
    BlockerStatus Status,
    int AffectsCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string? Outcome);

/// <summary>One page of a list; <see cref="Continuation"/> reads the next, null at the end.</summary>
public sealed record BlockerPage(IReadOnlyList<BlockerSummary> Items, string? Continuation);

/// <summary>A team's blockers: those still open, and those closed in the last 30 days.</summary>
public sealed record TeamBlockers(IReadOnlyList<BlockerSummary> Open, IReadOnlyList<BlockerSummary> RecentlyClosed);

/// <summary>One of a person's own reports, with where it is now.</summary>
public sealed record OwnReport(string BlockerId, string What, BlockerStatus Status, bool Anonymous, string? Outcome, DateTimeOffset CreatedAt);
