using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Blockers;

namespace KindnessBot.Bot.Blockers;

/// <summary>
/// What someone fills in to report a blocker: the team (a choice in personal chat; fixed where the form was opened from
/// a team), what got in the way, where it comes from, whom it affected, an idea, and whether to add their name (off:
/// anonymous is the default, said in one sentence beside the choice).
/// </summary>
internal static class ReportFormCard
{
    public const int TeamNameLength = 60;

    /// <summary>Bytes of team names and ids the report form's choice may hold, so it stays well inside Teams' 28 KB.</summary>
    public const int TeamBudget = 10_000;

    public static AdaptiveCard Build(ReportFormView view, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(BlockerText.ReportTitle))) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(T(nameof(BlockerText.ReportIntro))) { IsSubtle = true },
        };
        var send = new Dictionary<string, object> { ["verb"] = BlockerVerbs.Send, ["form"] = view.FormId };
        if (view.FixedTeam is { } team)
        {
            send["team"] = team;
        }
        else
        {
            body.Add(new InputChoiceSet("team", Choices(view.Teams, TeamBudget))
            {
                Label = T(nameof(BlockerText.ReportTeamLabel)), Style = "compact", Value = view.Teams.Count > 0 ? view.Teams[0].Id : null, IsRequired = true, ErrorMessage = T(nameof(BlockerText.ReportTeamLabel)),
            });
        }

        body.Add(new InputText("what") { Label = T(nameof(BlockerText.ReportWhatLabel)), Placeholder = T(nameof(BlockerText.ReportWhatPlaceholder)), IsMultiline = true, MaxLength = BlockerMoves.MaxTextLength, IsRequired = true, ErrorMessage = T(nameof(BlockerText.ReportWhatLabel)) });
        body.Add(new InputChoiceSet("where", [.. Enum.GetValues<BlockerWhere>().Select(w => new Choice(T("Where" + w), w.ToString()))])
        {
            Label = T(nameof(BlockerText.ReportWhereLabel)), Style = "compact", Value = nameof(BlockerWhere.Process), IsRequired = true, ErrorMessage = T(nameof(BlockerText.ReportWhereLabel)),
        });
        body.Add(new InputChoiceSet("affected", [.. Enum.GetValues<BlockerAffected>().Select(a => new Choice(T("Affected" + a), a.ToString()))])
        {
            Label = T(nameof(BlockerText.ReportAffectedLabel)), Style = "expanded", Value = nameof(BlockerAffected.PeopleWeServe), IsRequired = true, ErrorMessage = T(nameof(BlockerText.ReportAffectedLabel)),
        });
        body.Add(new InputText("suggestion") { Label = T(nameof(BlockerText.ReportSuggestionLabel)), IsMultiline = true, MaxLength = BlockerMoves.MaxTextLength });
        body.Add(new InputToggle("named", T(nameof(BlockerText.ReportNamedToggle))) { Value = "false" });
        body.Add(new TextBlock(T(nameof(BlockerText.ReportAnonymityNote))) { IsSubtle = true });
        return new AdaptiveCard(body, [new SubmitAction(T(nameof(BlockerText.ReportSendButton)), send)]);
    }

    /// <summary>Teams as choices, by name, as many as <paramref name="budget"/> bytes hold (as sent: JSON escapes what is not ASCII).</summary>
    public static List<Choice> Choices(IEnumerable<TeamChoice> teams, int budget)
    {
        var choices = new List<Choice>();
        var used = 0;
        foreach (var team in teams)
        {
            var name = ShortText.Of(team.Name, TeamNameLength);
            used += name.Sum(c => c < 128 ? 1 : 6) + team.Id.Length + 32;
            if (used > budget)
            {
                break;
            }

            choices.Add(new Choice(name, team.Id));
        }

        return choices;
    }

    /// <summary>A short label for a status, as lists and forms show it.</summary>
    public static string Status(BlockerStatus status, CultureInfo culture) => Localisation.Text("Status" + status, culture);

    public static string Where(BlockerWhere where, CultureInfo culture) => Localisation.Text("Where" + where, culture);

    public static string Affects(int count, CultureInfo culture) => count < 5
        ? Localisation.Text(nameof(BlockerText.AffectsFew), culture)
        : string.Format(culture, Localisation.Text(nameof(BlockerText.AffectsMany), culture), count);
}
