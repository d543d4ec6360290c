using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Recognition;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>"recognise" (and the "Recognise someone" button): the recognition card, with the people the giver can choose.</summary>
internal sealed class RecogniseCommand(RecognitionService recognitions, TurnScopes scopes, RecognitionCards cards, CommonCards common)
    : TextCommand("recognise", nameof(RecognitionText.CommandRecogniseUsage), nameof(RecognitionText.CommandRecogniseDescription), "recognize", "recognition", "thank", "thanks", "kudos")
{
    public override Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) => SendCardAsync(turn, cancellationToken);

    public async Task SendCardAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var card = await BuildCardAsync(turn, prefilledText: null, cancellationToken);
        await turn.SendActivityAsync((card ?? Nobody(turn)).ToActivity(), cancellationToken);
    }

    /// <summary>The card for this giver here, or null when there is nobody they could recognise.</summary>
    public async Task<CardMessage?> BuildCardAsync(ITurnContext turn, string? prefilledText, CancellationToken cancellationToken)
    {
        var giver = TurnFacts.Person(turn);
        var where = TurnFacts.Where(turn);
        var candidates = await recognitions.CandidatesAsync(giver, where, cancellationToken);
        if (candidates.Count == 0)
        {
            return null;
        }

        IReadOnlyList<(string, string)>? teams = null;
        if (where.Kind != ConversationKind.Channel)
        {
            teams = [.. (await scopes.TeamsAsync(turn, cancellationToken)).Select(t => (t.TeamId!, t.TeamName ?? t.TeamId!))];
        }

        return cards.Recognise(candidates, teams, prefilledText, TurnFacts.Locale(turn));
    }

    public CardMessage Nobody(ITurnContext turn) =>
        common.Notice(Localisation.Text(nameof(RecognitionText.RecogniseTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, nameof(RecognitionText.RecogniseNobody)));
}
