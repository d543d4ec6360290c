using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Reflection;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Reflection;

/// <summary>Where a reflection action applies and what the person may see there.</summary>
internal sealed class ReflectionFacts(TurnScopes scopes, ReflectionService reflection, IConversationStore conversations, ReflectionCards cards, CommonCards common)
{
    /// <summary>
    /// The team (or group chat) a card's "team" names, if this turn may act on it: in a channel or group chat only its
    /// own; in personal chat one of the person's teams.
    /// </summary>
    public async Task<ConversationRecord?> ScopeAsync(ITurnContext turn, string? teamId, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind != ConversationKind.Personal)
        {
            return teamId is null || teamId == where.ScopeId ? where : null;
        }

        return teamId is null ? null : await scopes.AllowedScopeAsync(turn, teamId, cancellationToken);
    }

    /// <summary>The channel a schedule posts in, as stored (for changes made from personal chat).</summary>
    public Task<ConversationRecord?> ChannelOfAsync(ReflectionSchedule schedule, CancellationToken cancellationToken) =>
        conversations.FindAsync(schedule.TenantId, schedule.ConversationId, cancellationToken);

    public CardMessage Status(ITurnContext turn, ReflectionSchedule schedule, string? notice) =>
        cards.ReflectionStatus(schedule, reflection.Next(schedule), notice, TurnFacts.Locale(turn));

    public string When(ITurnContext turn, ReflectionSchedule schedule) =>
        reflection.Next(schedule) is { } next ? ReflectionStatusCard.When(schedule, next, TurnFacts.Culture(turn)) : string.Empty;

    /// <summary>A leader action from someone who is not a leader there (or a forged card): logged, and answered kindly.</summary>
    public async Task<string?> RefuseAsync(ITurnContext turn, ILogger logger, string verb, CancellationToken cancellationToken)
    {
        RefusalLog.NotALeader(logger, verb);
        await ReplyAsync(turn, TurnFacts.Text(turn, nameof(ReflectionText.ReflectionNotALeader)), cancellationToken);
        return null;
    }

    public Task ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(common.Notice(Localisation.Text(nameof(ReflectionText.ReflectionTitle), TurnFacts.Culture(turn)), text).ToActivity(), cancellationToken);

    public Task<IReadOnlyList<ConversationRecord>> LedScopesAsync(ITurnContext turn, CancellationToken cancellationToken) => scopes.LedScopesAsync(turn, cancellationToken);
}
