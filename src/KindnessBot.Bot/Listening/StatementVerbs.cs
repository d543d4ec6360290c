using KindnessBot.Bot.Routing;
using KindnessBot.Core.Listening;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Listening;

/// <summary>
/// The statement's three submits: a leader's <i>Save it</i>, anyone's <i>This rings true</i> (once per person, for the
/// words shown) and <i>Send my suggestion</i> (anonymous). The team must be one this turn may act on; replies are private.
/// </summary>
internal sealed class StatementVerb(KindnessStatements statements, TurnScopes scopes, ListeningReplies replies, string verb) : SubmitVerb<StatementVerb.Submit>
{
    internal sealed record Submit(string TeamId, string? Text, string? Version);

    public override string Verb => verb;

    protected override Parsed<Submit> Parse(SubmitPayload payload)
    {
        var team = payload.Id("team");
        if (!team.IsValid)
        {
            return Parsed<Submit>.Invalid(team.Problem!);
        }

        if (verb == ListeningVerbs.RingsTrue)
        {
            var version = payload.Id("version");
            return version.IsValid ? Parsed<Submit>.Valid(new Submit(team.Value!, null, version.Value)) : Parsed<Submit>.Invalid(version.Problem!);
        }

        var text = payload.Text(verb == ListeningVerbs.SaveStatement ? "statement" : "suggestion", KindnessStatements.MaxLength * 10, required: false);
        return text.IsValid ? Parsed<Submit>.Valid(new Submit(team.Value!, text.Value, null)) : Parsed<Submit>.Invalid(text.Problem!);
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Submit command, CancellationToken cancellationToken)
    {
        if (await scopes.AllowedScopeAsync(turn, command.TeamId, cancellationToken) is not { } scope)
        {
            await replies.TellAsync(turn, nameof(ListeningText.StatementNotALeader), cancellationToken);
            return null;
        }

        var outcome = verb switch
        {
            ListeningVerbs.SaveStatement => await statements.WriteAsync(scope, TurnFacts.Person(turn), command.Text, cancellationToken),
            ListeningVerbs.RingsTrue => (await statements.RingsTrueAsync(scope, TurnFacts.Person(turn), command.Version!, cancellationToken)).Outcome,
            _ => await statements.SuggestAsync(scope, command.Text, cancellationToken),
        };
        await replies.TellAsync(turn, outcome switch
        {
            StatementOutcome.Done => verb switch
            {
                ListeningVerbs.SaveStatement => nameof(ListeningText.StatementSaved),
                ListeningVerbs.RingsTrue => nameof(ListeningText.StatementCounted),
                _ => nameof(ListeningText.StatementSuggested),
            },
            StatementOutcome.NotALeader => nameof(ListeningText.StatementNotALeader),
            StatementOutcome.AlreadyCounted => nameof(ListeningText.StatementAlreadyCounted),
            StatementOutcome.NotCurrent => nameof(ListeningText.StatementNotCurrent),
            StatementOutcome.TooLong => nameof(ListeningText.StatementTooLong),
            _ => nameof(ListeningText.StatementInvalid),
        }, cancellationToken);
        return null;
    }
}
