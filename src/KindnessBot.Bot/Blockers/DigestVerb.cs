using KindnessBot.Bot.Routing;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Conversations;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Blockers;

/// <summary>
/// <i>Save</i> on the monthly "you said, we did" settings: in the team's own conversation only (it is posted where it is
/// set), by its leaders; day 0 turns it off. Whatever else arrives is answered kindly and changes nothing.
/// </summary>
internal sealed class DigestVerb(BlockerDigests digests, BlockerReplies replies) : SubmitVerb<DigestVerb.Settings>
{
    internal sealed record Settings(string TeamId, int Day, string? Zone);

    public override string Verb => BlockerVerbs.Digest;

    protected override Parsed<Settings> Parse(SubmitPayload payload)
    {
        var team = payload.Id("team");
        var day = payload.Number("day", 0, 28);
        var zone = payload.Text("zone", 64, required: false);
        return (team.Problem ?? day.Problem ?? zone.Problem) is { } problem
            ? Parsed<Settings>.Invalid(problem)
            : Parsed<Settings>.Valid(new Settings(team.Value!, day.Value, zone.Value));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Settings command, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        var change = where.Kind == ConversationKind.Personal || where.ScopeId != command.TeamId
            ? DigestChange.Invalid
            : await digests.SetAsync(where, TurnFacts.Person(turn), command.Day == 0 ? null : command.Day, command.Zone, cancellationToken);
        var text = change switch
        {
            DigestChange.Set => nameof(BlockerText.DigestSaved),
            DigestChange.Off => nameof(BlockerText.DigestStopped),
            DigestChange.NotALeader => nameof(BlockerText.RefusedNotALeader),
            _ => nameof(BlockerText.DigestInvalid),
        };
        await replies.TellAsync(turn, text, cancellationToken, command.Day);
        return null;
    }
}
