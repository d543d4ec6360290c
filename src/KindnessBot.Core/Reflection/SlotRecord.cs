using Azure;

namespace KindnessBot.Core.Reflection;

/// <summary>A stored slot: the claim, the prompt, and the outcome (the activity id once sent).</summary>
public sealed record SlotRecord(PromptMessage Prompt, SlotState State, string ClaimedBy, DateTimeOffset ClaimedAt, string? ActivityId, string? SendingBy, DateTimeOffset? SendingUntil, int Attempts, string? Reason, ETag ETag)
{
    /// <summary>The number of answers the prompt card shows; only ever raised.</summary>
    public int AnswerCount { get; init; }

    /// <summary>When the follow-up (the leader's summary once closed, or the report of a failure) was done.</summary>
    public DateTimeOffset? FollowedUpAt { get; init; }

    /// <summary>While an instance does the follow-up, no other may until this time.</summary>
    public DateTimeOffset? FollowUpUntil { get; init; }
}
