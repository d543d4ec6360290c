using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Roles;

namespace KindnessBot.Bot.Reflection;

/// <summary>The prompt card's count and closing, the leader's summary and failure reports, sent proactively (en-GB).</summary>
internal sealed class TeamsReflectionNotifier(IConversationStore conversations, ProactiveSender sender, ReflectionCards cards, CommonCards common, LeaderOptions leaders, IAuthorisation authorisation) : IReflectionNotifier
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
        var summary = cards.ReflectionSummary(team?.TeamName ?? schedule.TeamId, prompt, answers, Locale);
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

        return await SendPersonallyAsync(schedule.TenantId, recipients, summary, cancellationToken);
    }

    public async Task ReportFailureAsync(ReflectionSchedule schedule, PromptMessage prompt, string? reason, CancellationToken cancellationToken)
    {
        var team = await conversations.FindAsync(schedule.TenantId, schedule.TeamId, cancellationToken);
        var culture = Localisation.Culture(Locale);
        var notice = common.Notice(
            Localisation.Text(nameof(ReflectionText.FailureTitle), culture),
            string.Format(culture, Localisation.Text(nameof(ReflectionText.FailureText), culture), team?.TeamName ?? schedule.TeamId, reason ?? "unknown"));
        await SendPersonallyAsync(schedule.TenantId, [schedule.CreatedBy, .. leaders.Admins], [notice], cancellationToken);
    }

    /// <summary>
    /// Sends the cards to each person's own chat with the bot, once per person (a fresh activity for each send: sending
    /// fills an activity in for its conversation); true if anyone had a chat.
    /// </summary>
    private async Task<bool> SendPersonallyAsync(string tenantId, IEnumerable<string?> people, IReadOnlyList<CardMessage> cardsToSend, CancellationToken cancellationToken)
    {
        var delivered = false;
        foreach (var person in people.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await conversations.FindPersonalAsync(tenantId, person, cancellationToken) is not { IsRemoved: false } chat)
            {
                continue;
            }

            foreach (var card in cardsToSend)
            {
                await sender.SendAsync(chat, card.ToActivity(), cancellationToken);
            }

            delivered = true;
        }

        return delivered;
    }
}
