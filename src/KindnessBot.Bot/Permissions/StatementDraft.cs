using System.Globalization;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>The leader's form, read and checked: the same fields for "Preview" and "Post it", with the form card's id.</summary>
internal sealed record StatementDraft(string What, string Boundaries, DateOnly From, DateOnly Until, IReadOnlyList<Commitment> Commitments, string? TeamId, string CardId)
{
    public static Parsed<StatementDraft> Read(SubmitPayload payload)
    {
        var what = payload.Text("what", PermissionStatement.MaxWhatLength, required: true);
        var boundaries = payload.Text("boundaries", PermissionStatement.MaxBoundariesLength, required: true);
        var from = payload.Text("from", 10, required: true);
        var until = payload.Text("until", 10, required: true);
        var commitments = payload.Commitments("commitments", required: false);
        var team = payload.Text("team", 256, required: false);
        var cardId = PermissionCardId.Read(payload);
        var problem = what.Problem ?? boundaries.Problem ?? from.Problem ?? until.Problem ?? commitments.Problem ?? team.Problem ?? cardId.Problem;
        if (problem is not null)
        {
            return Parsed<StatementDraft>.Invalid(problem);
        }

        if (!DateOnly.TryParseExact(from.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fromDay)
            || !DateOnly.TryParseExact(until.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var untilDay))
        {
            return Parsed<StatementDraft>.Invalid("from and until must be dates");
        }

        return Parsed<StatementDraft>.Valid(new StatementDraft(what.Value!, boundaries.Value!, fromDay, untilDay, commitments.Value!, team.Value, cardId.Value!));
    }

    public Dictionary<string, object> ToPostData() => new()
    {
        ["verb"] = PermissionVerbs.Post,
        ["what"] = What,
        ["boundaries"] = Boundaries,
        ["from"] = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["until"] = Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["commitments"] = string.Join(',', Commitments),
        ["team"] = TeamId ?? string.Empty,
        [PermissionCardId.Field] = CardId,
    };
}
