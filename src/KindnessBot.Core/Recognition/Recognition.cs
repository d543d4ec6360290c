using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Recognition;

/// <summary>One person recognising another's act of kindness.</summary>
public sealed record Recognition
{
    public required string TenantId { get; init; }

    /// <summary>Unique and time-ordered: inverted ticks and a random part, so newest sorts first.</summary>
    public required string Key { get; init; }

    public required string GiverId { get; init; }

    public required string GiverName { get; init; }

    public required string RecipientId { get; init; }

    public required string RecipientName { get; init; }

    /// <summary>What they did, stored as written (shown escaped).</summary>
    public required string Text { get; init; }

    public required IReadOnlyList<Commitment> Commitments { get; init; }

    public bool GiverHopesToShare { get; init; }

    /// <summary>The team channel to celebrate it in if the recipient agrees; null when there is none.</summary>
    public string? CelebrateInConversationId { get; init; }

    public string? CelebrateInTeamName { get; init; }

    public ConsentStatus Status { get; init; }

    public ChatAtGiving Delivery { get; init; }

    public DateTimeOffset GivenAt { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }
}
