using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Reflection;

/// <summary>
/// "reflection": in a team channel or group chat, a leader gets the set-up form (or, once set up, the schedule and its
/// buttons) and anyone else is told how it stands; in personal chat, a leader sees each team they lead and its latest
/// closed summary.
/// </summary>
internal sealed class ReflectionCommand(ReflectionFacts facts, ReflectionService reflection, IAuthorisation authorisation, ReflectionCards cards)
    : TextCommand("reflection", nameof(ReflectionText.CommandReflectionUsage), nameof(ReflectionText.CommandReflectionDescription), "reflect", "weekly reflection", "set up reflection")
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind == ConversationKind.Personal)
        {
            await ShowLedTeamsAsync(turn, cancellationToken);
            return;
        }

        var schedule = await reflection.FindAsync(where, cancellationToken);
        if (!await authorisation.IsLeaderAsync(where, TurnFacts.Person(turn), cancellationToken))
        {
            var text = schedule is null
                ? TurnFacts.Text(turn, nameof(ReflectionText.ReflectionNotSetUp))
                : $"{ReflectionStatusCard.Describe(schedule, TurnFacts.Culture(turn))} {TurnFacts.Text(turn, nameof(ReflectionText.ReflectionNotALeader))}";
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
            await turn.SendActivityAsync(facts.Status(turn, schedule, shown == 1 ? TurnFacts.Text(turn, nameof(ReflectionText.ReflectionPersonal)) : null).ToActivity(), cancellationToken);
            if (await reflection.ReadLatestSummaryAsync(scope, TurnFacts.Person(turn), cancellationToken) is { } closed)
            {
                foreach (var card in cards.ReflectionSummary(scope.TeamName ?? scope.ConversationId, closed.Prompt, closed.Answers, TurnFacts.Locale(turn)))
                {
                    await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
                }
            }
        }

        if (shown == 0)
        {
            await facts.ReplyAsync(turn, TurnFacts.Text(turn, nameof(ReflectionText.ReflectionPersonalNothing)), cancellationToken);
        }
    }
}
