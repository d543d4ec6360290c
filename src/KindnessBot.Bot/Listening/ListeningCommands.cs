using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Listening;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Listening;

/// <summary>
/// "pulse": in a team's channel or group chat, a leader gets the form to ask one question (or is told one is open);
/// anyone else gets the open pulse's card to answer it. A pulse belongs to a team, so personal chat points there.
/// </summary>
internal sealed class PulseCommand(PulseService pulses, IAuthorisation authorisation, ListeningCards cards, ListeningReplies replies, TimeProvider time)
    : TextCommand("pulse", nameof(ListeningText.CommandPulseUsage), nameof(ListeningText.CommandPulseDescription), "listening pulse", "ask the team")
{
    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind == ConversationKind.Personal)
        {
            await replies.TellAsync(turn, nameof(ListeningText.PulsePersonal), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var open = await pulses.LatestAsync(where.TenantId, where.ScopeId, cancellationToken) is { } latest && !latest.IsClosed(now) ? latest : null;
        if (!await authorisation.IsLeaderAsync(where, TurnFacts.Person(turn), cancellationToken))
        {
            if (open is null)
            {
                await replies.TellAsync(turn, nameof(ListeningText.PulseNotALeader), cancellationToken);
                return;
            }

            await turn.SendActivityAsync(cards.Pulse(open, now, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
            return;
        }

        if (open is not null)
        {
            await replies.TellAsync(turn, nameof(ListeningText.PulseAlreadyOpen), cancellationToken);
            return;
        }

        await turn.SendActivityAsync(cards.AskForm(where.ScopeId, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
    }
}

/// <summary>"kindness here": the team's statement (in personal chat, of each of the person's teams, at most three).</summary>
internal sealed class StatementCommand(KindnessStatements statements, IAuthorisation authorisation, TurnScopes scopes, ListeningCards cards, ListeningReplies replies)
    : TextCommand("kindness here", nameof(ListeningText.CommandStatementUsage), nameof(ListeningText.CommandStatementDescription), "what kindness means", "kindness statement", "our statement")
{
    public const int MaxTeams = 3;

    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        IReadOnlyList<ConversationRecord> teams = where.Kind == ConversationKind.Personal ? await scopes.TeamsAsync(turn, cancellationToken) : [where];
        if (teams.Count == 0)
        {
            await replies.TellAsync(turn, nameof(ListeningText.StatementPersonalNothing), cancellationToken);
            return;
        }

        foreach (var team in teams.Take(MaxTeams))
        {
            var view = new StatementView(
                team.ScopeId,
                team.TeamName ?? TurnFacts.Text(turn, nameof(ListeningText.KindnessStatementTitle)),
                await statements.CurrentAsync(team.TenantId, team.ScopeId, cancellationToken),
                await authorisation.IsLeaderAsync(team, TurnFacts.Person(turn), cancellationToken));
            await turn.SendActivityAsync(cards.Statement(view, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
        }
    }
}

/// <summary>Every listening reply is private: a short notice in the person's own chat (or where they are, when they have none).</summary>
internal sealed class ListeningReplies(Conversations.PrivateReplies replies, CommonCards common)
{
    public Task TellAsync(ITurnContext turn, string text, CancellationToken cancellationToken, params object[] arguments) =>
        replies.SendAsync(turn, common.Notice(TurnFacts.Text(turn, nameof(ListeningText.ListeningTitle)), TurnFacts.Text(turn, text, arguments)).ToActivity(), cancellationToken);

    public Task SendAsync(ITurnContext turn, CardMessage card, CancellationToken cancellationToken) => replies.SendAsync(turn, card.ToActivity(), cancellationToken);
}
