using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Reflection;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Reflection;

/// <summary>
/// "Send my reflection" on the answer form (in a dialog, or in the person's own chat where dialogs cannot open). The reply goes to the person's personal chat when they have one, so
/// nothing in the channel says who answered; otherwise it is a reply without a name.
/// </summary>
internal sealed class AnswerVerb(ReflectionService reflection, Conversations.PrivateReplies replies, CommonCards cards, TurnScopes scopes) : SubmitVerb<AnswerVerb.Answer>
{
    /// <summary>Longer than an answer may be, so an over-long one gets its own kind message rather than a generic one.</summary>
    private const int ReadLimit = AnswerService.MaxTextLength * 10;

    internal sealed record Answer(string TeamId, string Week, string? Text, int? Wellbeing, bool Named);

    public override string Verb => ReflectionVerbs.Answer;

    protected override Parsed<Answer> Parse(SubmitPayload payload)
    {
        var team = payload.Id("team");
        var week = payload.Text("week", 8, required: true);
        var text = payload.Text("answer", ReadLimit, required: false);
        var wellbeing = payload.Text("wellbeing", 2, required: false);
        var named = payload.Flag("named", absent: false);
        var problem = team.Problem ?? week.Problem ?? text.Problem ?? wellbeing.Problem ?? named.Problem;
        if (problem is not null)
        {
            return Parsed<Answer>.Invalid(problem);
        }

        int? score = null;
        if (wellbeing.Value is { } given)
        {
            if (!int.TryParse(given, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                return Parsed<Answer>.Invalid("wellbeing must be a number");
            }

            score = parsed;
        }

        return Parsed<Answer>.Valid(new Answer(team.Value!, week.Value!, text.Value, score, named.Value));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Answer command, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        var person = TurnFacts.Person(turn);
        // In the team's channel, that team; in personal chat (the form sent there where dialogs cannot open), the team
        // only if the person is in it.
        var here = where.Kind == ConversationKind.Personal
            ? (await scopes.AllowedScopeAsync(turn, command.TeamId, cancellationToken))?.ScopeId ?? string.Empty
            : where.ScopeId;
        var submit = new AnswerSubmit(where.TenantId, here, command.TeamId, command.Week, person.TeamsId, person.Name, command.Text, command.Wellbeing, Anonymous: !command.Named);
        var outcome = await reflection.AnswerAsync(submit, cancellationToken);
        var text = outcome.Result switch
        {
            AnswerResult.Saved => command.Named ? nameof(ReflectionText.AnswerSavedNamed) : nameof(ReflectionText.AnswerSavedAnonymous),
            AnswerResult.Updated => nameof(ReflectionText.AnswerUpdated),
            var refused => "Answer" + refused,
        };
        var reply = cards.Notice(Localisation.Text(nameof(ReflectionText.AnswerReplyTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, text)).ToActivity();
        await replies.SendAsync(turn, reply, cancellationToken);
        return null;
    }
}
