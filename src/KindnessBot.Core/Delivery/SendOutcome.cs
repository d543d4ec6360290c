namespace KindnessBot.Core.Delivery;

public sealed record SendOutcome(SendResult Result, string? ActivityId = null, TimeSpan? RetryAfter = null, string? Reason = null)
{
    public static SendOutcome Delivered(string activityId) => new(SendResult.Sent, ActivityId: activityId);

    public static SendOutcome TryLater(string reason, TimeSpan? retryAfter = null) => new(SendResult.Transient, RetryAfter: retryAfter, Reason: reason);

    public static SendOutcome GiveUp(string reason) => new(SendResult.Permanent, Reason: reason);

    public static SendOutcome Nothing { get; } = new(SendResult.NothingSent);

    /// <summary>How an HTTP status from the Teams connector should be treated.</summary>
    public static SendResult Classify(int status) => status switch
    {
        >= 200 and < 300 => SendResult.Sent,
        408 or 412 or 429 or 500 or 502 or 503 or 504 => SendResult.Transient,
        _ => SendResult.Permanent,
    };
}
