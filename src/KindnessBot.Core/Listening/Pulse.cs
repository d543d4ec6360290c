namespace KindnessBot.Core.Listening;

/// <summary>
/// A listening pulse: one open question a leader asks their team. Answers are anonymous unless a person adds their name;
/// leaders read them once the pulse has closed and only when at least <see cref="MinimumAnswers"/> people answered
/// (while it is open, two readings could be compared to find the one answer that came between them).
/// </summary>
public sealed record Pulse
{
    public const int MinimumAnswers = 5;
    public const int MaxQuestionLength = 300;
    public const int MaxAnswerLength = 1_000;
    public const int MaxOpenDays = 14;

    public required string TenantId { get; init; }

    public required string TeamId { get; init; }

    public required string Id { get; init; }

    /// <summary>The channel (or group chat) the pulse card is posted in.</summary>
    public required string ConversationId { get; init; }

    public required string Question { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset ClosesAt { get; init; }

    /// <summary>Set when a leader closed it before <see cref="ClosesAt"/>.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The posted card, once the delivery path has posted it, so counts can update it in place.</summary>
    public string? ActivityId { get; init; }

    public int AnswerCount { get; init; }

    internal Azure.ETag ETag { get; init; }

    public bool IsClosed(DateTimeOffset now) => ClosedAt is not null || now >= ClosesAt;

    /// <summary>Whether the answers may be shown to leaders: closed, and from enough people.</summary>
    public bool CanShow(DateTimeOffset now) => IsClosed(now) && AnswerCount >= MinimumAnswers;
}

/// <summary>One person's answer to a pulse: the text, and their name only if they chose to add it.</summary>
public sealed record PulseAnswer(string Text, bool Named, string? Name, DateOnly Day);

/// <summary>What a pulse action did.</summary>
public enum PulseOutcome
{
    Done,
    Updated,
    NotALeader,
    NotFound,
    Closed,
    AlreadyOpen,
    Invalid,
    TooLong,

    /// <summary>Still open: the answers show once it closes.</summary>
    StillOpen,

    /// <summary>Fewer than five people answered: not shown, to keep answers anonymous.</summary>
    TooFew,
}

/// <summary>The pulse card on the delivery path: a message to the team's conversation, keyed by team and pulse.</summary>
public sealed record PulseMessage(string TenantId, string TeamId, string PulseId)
{
    public const string Kind = "listening.pulse";

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this);

    public static PulseMessage? FromJson(string json) => Delivery.DeliveryPayload.Read<PulseMessage>(json, m => m is { TenantId.Length: > 0, TeamId.Length: > 0, PulseId.Length: > 0 });
}
