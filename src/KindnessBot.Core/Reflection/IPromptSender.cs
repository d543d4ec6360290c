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
