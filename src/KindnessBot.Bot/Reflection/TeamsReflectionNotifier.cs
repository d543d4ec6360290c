using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.People;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Roles;

namespace KindnessBot.Bot.Reflection;

/// <summary>
/// The prompt card's count and closing (updated in place, en-GB), and who gets the leader's summary and failure
/// reports: each asked of the delivery path once per person, so someone who has left never holds up the others.
/// </summary>
internal sealed class TeamsReflectionNotifier(IConversationStore conversations, ProactiveSender sender, ReflectionCards cards, DeliveryOutbox outbox, LeaderOptions leaders, IAuthorisation authorisation, TimeProvider time) : IReflectionNotifier
{
    private const string Locale = "en-GB";

    public async Task UpdatePromptAsync(PromptMessage prompt, string activityId, int answerCount, bool closed, CancellationToken cancellationToken)
    {
        var channel = await conversations.FindAsync(prompt.TenantId, prompt.ConversationId, cancellationToken);
        if (channel is null || channel.IsRemoved)
        {
            return;
        }

        // The answer is saved either way; if Teams refuses, the next answer (or the closing) updates the card again.
        await sender.TryUpdateAsync(channel, activityId, cards.Prompt(prompt, answerCount, closed, Locale).ToActivity(), cancellationToken);
    }

    /// <summary>
    /// To the team's leaders now (the one check's <see cref="IAuthorisation.LeadersOfAsync"/>), and to whoever set
    /// reflection up only while they may still lead there: someone no longer a leader never reads the answers.
    /// </summary>
    public async Task<bool> SendSummaryAsync(ReflectionSchedule schedule, PromptMessage prompt, IReadOnlyList<ReflectionAnswer> answers, CancellationToken cancellationToken)
    {
        var team = await conversations.FindAsync(schedule.TenantId, schedule.TeamId, cancellationToken);
        if (team is null)
        {
            return false;
        }

        var recipients = (await authorisation.LeadersOfAsync(team, cancellationToken)).Select(l => l.TeamsId).ToList();
        if (!recipients.Contains(schedule.CreatedBy, StringComparer.Ordinal)
            && await authorisation.IsLeaderAsync(team, new Person(schedule.CreatedBy, null, schedule.CreatedBy, schedule.TenantId), cancellationToken))
        {
            recipients.Add(schedule.CreatedBy);
        }

        foreach (var person in recipients.Distinct(StringComparer.Ordinal))
        {
            await outbox.EnqueueAsync(FollowUpDelivery.SummaryRequest(prompt, person), cancellationToken);
        }

        return recipients.Count > 0;
    }

    public async Task ReportFailureAsync(ReflectionSchedule schedule, PromptMessage prompt, string? reason, CancellationToken cancellationToken)
    {
        foreach (var person in new[] { schedule.CreatedBy }.Concat(leaders.Admins).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            await outbox.EnqueueAsync(FollowUpDelivery.FailureRequest(prompt, reason, person, time.GetUtcNow()), cancellationToken);
        }
    }
}
