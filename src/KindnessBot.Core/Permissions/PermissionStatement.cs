using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// A leader's explicit, bounded, visible permission to put kindness first: what people may do, within which
/// boundaries, for whom (a team, or everyone in a chat), and for how long.
/// </summary>
public sealed record PermissionStatement
{
    public const int MaxWhatLength = 500;
    public const int MaxBoundariesLength = 500;

    public required string TenantId { get; init; }

    /// <summary>Who it is for: a team id, or a group chat's conversation id.</summary>
    public required string ScopeId { get; init; }

    /// <summary>Where it is posted: the team's channel or the group chat.</summary>
    public required string ConversationId { get; init; }

    /// <summary>Time-ordered and unique (inverted ticks and a random part), newest first.</summary>
    public required string Key { get; init; }

    public required string LeaderId { get; init; }

    public required string LeaderName { get; init; }

    public required string What { get; init; }

    public required string Boundaries { get; init; }

    public required IReadOnlyList<Commitment> Commitments { get; init; }

    public required DateOnly ValidFrom { get; init; }

    public required DateOnly ValidUntil { get; init; }

    public DateTimeOffset PostedAt { get; init; }

    public bool Revoked { get; init; }

    /// <summary>The posted card's activity id, so the card can be updated in place.</summary>
    public string? ActivityId { get; init; }

    /// <summary>
    /// When a submit claimed posting the card (an ETag-checked write), so two submits of one form never both post it;
    /// cleared when posted or refused by Teams, and a claim older than a few minutes no longer holds.
    /// </summary>
    public DateTimeOffset? PostingSince { get; init; }

    public int ReadCount { get; init; }

    public int UsedCount { get; init; }

    /// <summary>The expiry date a reminder was last sent for (extending moves the date, so a new reminder is due).</summary>
    public DateOnly? RemindedFor { get; init; }

    public StatementState StateOn(DateOnly today) =>
        Revoked ? StatementState.Revoked
        : today > ValidUntil ? StatementState.Expired
        : today < ValidFrom ? StatementState.NotYetValid
        : StatementState.Active;
}
