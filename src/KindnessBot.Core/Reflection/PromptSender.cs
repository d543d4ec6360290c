namespace KindnessBot.Core.Reflection;

/// <summary>
/// Posts a prompt card to its team channel. The bot implements it with the Bot Framework connector; Core only
/// needs the outcome. Implementations turn HTTP failures into outcomes and do not retry: the worker retries
/// through the queue, within the fleet's limits.
/// </summary>
public interface IPromptSender
{
    Task<SendOutcome> SendAsync(PromptMessage prompt, CancellationToken cancellationToken);
}

public enum SendResult
{
    /// <summary>Teams accepted the message and gave its activity id.</summary>
    Sent,

    /// <summary>Worth trying again later: 429 (with Retry-After), 412, 502, 503, 504, a timeout or a dropped connection.</summary>
    Transient,

    /// <summary>Will never work: the bot was removed from the team, the channel was deleted, the card was refused.</summary>
    Permanent,
}

public sealed record SendOutcome(SendResult Result, string? ActivityId = null, TimeSpan? RetryAfter = null, string? Reason = null)
{
    public static SendOutcome Delivered(string activityId) => new(SendResult.Sent, ActivityId: activityId);

    public static SendOutcome TryLater(string reason, TimeSpan? retryAfter = null) => new(SendResult.Transient, RetryAfter: retryAfter, Reason: reason);

    public static SendOutcome GiveUp(string reason) => new(SendResult.Permanent, Reason: reason);

    /// <summary>How an HTTP status from the Teams connector should be treated.</summary>
    public static SendResult Classify(int status) => status switch
    {
        >= 200 and < 300 => SendResult.Sent,
        408 or 412 or 429 or 500 or 502 or 503 or 504 => SendResult.Transient,
        _ => SendResult.Permanent,
    };
}
