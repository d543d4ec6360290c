using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Permissions;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Reflection;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Reflection;

/// <summary>Where a reflection action applies and what the person may see there.</summary>
internal sealed class ReflectionFacts(PermissionFacts scopes, ReflectionService reflection, IConversationStore conversations, CardFactory cards)
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
        reflection.Next(schedule) is { } next ? Cards.Reflection.ReflectionStatusCard.When(schedule, next, TurnFacts.Culture(turn)) : string.Empty;

    /// <summary>A leader action from someone who is not a leader there (or a forged card): logged, and answered kindly.</summary>
    public async Task<string?> RefuseAsync(ITurnContext turn, ILogger logger, string verb, CancellationToken cancellationToken)
    {
        PermissionLog.NotALeader(logger, verb);
        await ReplyAsync(turn, TurnFacts.Text(turn, "ReflectionNotALeader"), cancellationToken);
        return null;
    }

    public Task ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(cards.Notice(Localisation.Text("ReflectionTitle", TurnFacts.Culture(turn)), text).ToActivity(), cancellationToken);

    public Task<IReadOnlyList<ConversationRecord>> LedScopesAsync(ITurnContext turn, CancellationToken cancellationToken) => scopes.LedScopesAsync(turn, cancellationToken);
}

/// <summary>
/// "reflection": in a team channel or group chat, a leader gets the set-up form (or, once set up, the schedule and its
/// buttons) and anyone else is told how it stands; in personal chat, a leader sees each team they lead and its latest
/// closed summary.
/// </summary>
internal sealed class ReflectionCommand(ReflectionFacts facts, ReflectionService reflection, CardFactory cards) : ITextCommand
{
    public string Name => "reflection";

    public IReadOnlyList<string> Aliases { get; } = ["reflect", "weekly reflection", "set up reflection"];

    public string Usage(CultureInfo culture) => Localisation.Text("CommandReflectionUsage", culture);

    public string Describe(CultureInfo culture) => Localisation.Text("CommandReflectionDescription", culture);

    public async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind == ConversationKind.Personal)
        {
            await ShowLedTeamsAsync(turn, cancellationToken);
            return;
        }

        var schedule = await reflection.FindAsync(where, cancellationToken);
        if (!await reflection.IsLeaderAsync(where, TurnFacts.Person(turn), cancellationToken))
        {
            var text = schedule is null
                ? TurnFacts.Text(turn, "ReflectionNotSetUp")
                : $"{Cards.Reflection.ReflectionStatusCard.Describe(schedule, TurnFacts.Culture(turn))} {TurnFacts.Text(turn, "ReflectionNotALeader")}";
            await facts.ReplyAsync(turn, text, cancellationToken);
            return;
        }

        var card = schedule is null
            ? cards.ReflectionForm(null, (turn.Activity as Microsoft.Bot.Schema.Activity)?.LocalTimezone, null, TurnFacts.Locale(turn))
            : facts.Status(turn, schedule, null);
        await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
    }

    private async Task ShowLedTeamsAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var shown = 0;
        foreach (var scope in (await facts.LedScopesAsync(turn, cancellationToken)).Take(5))
        {
            if (await reflection.FindAsync(scope, cancellationToken) is not { } schedule)
            {
                continue;
            }

            shown++;
            await turn.SendActivityAsync(facts.Status(turn, schedule, shown == 1 ? TurnFacts.Text(turn, "ReflectionPersonal") : null).ToActivity(), cancellationToken);
            if (await reflection.LatestClosedAsync(schedule, cancellationToken) is { } closed)
            {
                foreach (var card in cards.ReflectionSummary(scope.TeamName ?? scope.ConversationId, closed.Prompt, closed.Answers, TurnFacts.Locale(turn)))
                {
                    await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
                }
            }
        }

        if (shown == 0)
        {
            await facts.ReplyAsync(turn, TurnFacts.Text(turn, "ReflectionPersonalNothing"), cancellationToken);
        }
    }
}
