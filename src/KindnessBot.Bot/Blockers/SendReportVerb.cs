using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Blockers;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Blockers;

/// <summary>
/// <i>Send to the leaders</i> on the report form (a dialog's submit, or the form in personal chat). The team must be
/// one this person may act on (in personal chat, one of their teams); the reply goes to their own chat, so nothing in a
/// channel says who reported. Nothing about who reported reaches a log.
/// </summary>
internal sealed class SendReportVerb(BlockerService blockers, TurnScopes scopes, BlockerReplies replies) : SubmitVerb<SendReportVerb.Report>
{
    /// <summary>Longer than a report may be, so an over-long one gets its own kind message rather than a generic one.</summary>
    private const int ReadLimit = BlockerMoves.MaxTextLength * 10;

    internal sealed record Report(string FormId, string TeamId, string What, BlockerWhere Where, BlockerAffected Affected, string? Suggestion, bool Named);

    public override string Verb => BlockerVerbs.Send;

    protected override Parsed<Report> Parse(SubmitPayload payload)
    {
        var form = payload.Id("form");
        var team = payload.Id("team");
        var what = payload.Text("what", ReadLimit, required: true);
        var where = payload.Text("where", 32, required: true);
        var affected = payload.Text("affected", 32, required: true);
        var suggestion = payload.Text("suggestion", ReadLimit, required: false);
        var named = payload.Flag("named", absent: false);
        var problem = form.Problem ?? team.Problem ?? what.Problem ?? where.Problem ?? affected.Problem ?? suggestion.Problem ?? named.Problem;
        if (problem is not null)
        {
            return Parsed<Report>.Invalid(problem);
        }

        return !BlockerChoices.TryParse(where.Value!, out BlockerWhere place) || !BlockerChoices.TryParse(affected.Value!, out BlockerAffected whom)
            ? Parsed<Report>.Invalid("where or affected is not one of the choices")
            : Parsed<Report>.Valid(new Report(form.Value!, team.Value!, what.Value!, place, whom, suggestion.Value, named.Value));
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Report command, CancellationToken cancellationToken)
    {
        if (await scopes.AllowedScopeAsync(turn, command.TeamId, cancellationToken) is not { } scope)
        {
            await replies.TellAsync(turn, nameof(BlockerText.ReportNotYourTeam), cancellationToken);
            return null;
        }

        var report = new BlockerReport(scope.TenantId, scope.ScopeId, TurnFacts.Person(turn), command.What, command.Where, command.Affected, command.Suggestion, command.Named, command.FormId);
        var result = await blockers.ReportAsync(report, cancellationToken);
        var text = result.Refusal switch
        {
            null => command.Named ? nameof(BlockerText.ReportSavedNamed) : nameof(BlockerText.ReportSavedAnonymous),
            BlockerRefusal.TooLong => nameof(BlockerText.ReportTooLong),
            BlockerRefusal.AlreadyReported => nameof(BlockerText.ReportAlready),
            _ => nameof(BlockerText.ReportInvalid),
        };
        await replies.TellAsync(turn, text, cancellationToken, scope.TeamName ?? TurnFacts.Text(turn, nameof(BlockerText.BlockersTitle)));
        return null;
    }
}

/// <summary>Choices sent back by name: only the names of the enum's members (never a number, which Enum.Parse would take).</summary>
internal static class BlockerChoices
{
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        value = default;
        return Enum.GetNames<T>().Contains(text, StringComparer.Ordinal) && Enum.TryParse(text, ignoreCase: false, out value);
    }
}
