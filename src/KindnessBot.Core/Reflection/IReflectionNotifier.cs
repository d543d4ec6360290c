namespace KindnessBot.Core.Reflection;

/// <summary>What the reflection feature sends besides the prompt itself; the bot implements it with Teams cards.</summary>
public interface IReflectionNotifier
{
    /// <summary>Updates the prompt card in place: the count of answers, and whether it has closed.</summary>
    Task UpdatePromptAsync(PromptMessage prompt, string activityId, int answerCount, bool closed, CancellationToken cancellationToken);

    /// <summary>Sends a leader the summary of a closed prompt. False when the leader cannot be reached (no personal chat).</summary>
    Task<bool> SendSummaryAsync(ReflectionSchedule schedule, PromptMessage prompt, IReadOnlyList<ReflectionAnswer> answers, CancellationToken cancellationToken);

    /// <summary>Tells the leader and the admins that a prompt could not be posted.</summary>
    Task ReportFailureAsync(ReflectionSchedule schedule, PromptMessage prompt, string? reason, CancellationToken cancellationToken);
}
