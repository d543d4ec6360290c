using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Blockers;

namespace KindnessBot.Bot.Blockers;

/// <summary>
/// A leader's form for one open blocker: the whole of what was raised (the reporter's name only if they added it), the
/// moves it may take with the note Changed and Not changing need, and merging into another open one or passing it to
/// another team. Each button sends only what its verb reads; the server checks everything again.
/// </summary>
internal static class RespondFormCard
{
    /// <summary>Open blockers offered to merge into, each by its first <see cref="OtherLength"/> characters.</summary>
    public const int MaxOthers = 8;

    public const int OtherLength = 60;

    /// <summary>Bytes of team names and ids the pass choice may hold: the whole text and suggestion come first.</summary>
    public const int TeamBudget = 5_000;

    public static AdaptiveCard Build(RespondView view, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var b = view.Blocker;
        var reported = b.Anonymous || b.ReporterName is not { Length: > 0 }
            ? string.Format(culture, T(nameof(BlockerText.RespondReportedAnonymously)), BlockerListCard.Day(b.CreatedAt, culture))
            : string.Format(culture, T(nameof(BlockerText.RespondReportedBy)), b.ReporterName, BlockerListCard.Day(b.CreatedAt, culture));
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(BlockerText.RespondTitle))) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            RichTextBlock.Plain(b.What),
            new TextBlock(string.Format(culture, "{0} · {1}", ReportFormCard.Where(b.Where, culture), Localisation.Text("Affected" + b.Affected, culture))) { IsSubtle = true },
        };
        if (b.Suggestion is { } suggestion)
        {
            body.Add(RichTextBlock.Plain(string.Format(culture, T(nameof(BlockerText.RespondSuggestion)), suggestion)));
        }

        body.Add(RichTextBlock.Plain(reported));
        body.Add(new TextBlock(string.Format(culture, T(nameof(BlockerText.RespondStatus)), ReportFormCard.Status(b.Status, culture), ReportFormCard.Affects(b.AffectsCount, culture))) { IsSubtle = true });

        var ids = new Dictionary<string, object> { ["team"] = view.TeamId, ["blocker"] = b.Id };
        var moves = Enum.GetValues<BlockerStatus>().Where(to => BlockerMoves.IsAllowed(b.Status, to)).ToList();
        body.Add(new InputChoiceSet("to", [.. moves.Select(to => new Choice(ReportFormCard.Status(to, culture), to.ToString()))])
        {
            Label = T(nameof(BlockerText.RespondMoveLabel)), Style = "compact", Value = moves.FirstOrDefault().ToString(), Spacing = Spacing.Medium,
        });
        body.Add(new InputText("note") { Label = T(nameof(BlockerText.RespondNoteLabel)), IsMultiline = true, MaxLength = BlockerMoves.MaxTextLength });
        body.Add(new ActionSet([new SubmitAction(T(nameof(BlockerText.RespondSaveButton)), With(ids, BlockerVerbs.Move))]));

        var others = view.Others.Where(o => o.Id != b.Id).Take(MaxOthers).ToList();
        if (others.Count > 0)
        {
            body.Add(new InputChoiceSet("into", [.. others.Select(o => new Choice(ShortText.Of(o.What, OtherLength), o.Id))]) { Label = T(nameof(BlockerText.RespondMergeLabel)), Style = "compact", Separator = true });
            body.Add(new ActionSet([new SubmitAction(T(nameof(BlockerText.RespondMergeButton)), With(ids, BlockerVerbs.Merge))]));
        }

        var teams = ReportFormCard.Choices(view.Teams.Where(t => t.Id != view.TeamId), TeamBudget);
        if (teams.Count > 0)
        {
            body.Add(new InputChoiceSet("toTeam", teams) { Label = T(nameof(BlockerText.RespondPassLabel)), Style = "compact", Separator = true });
            body.Add(new ActionSet([new SubmitAction(T(nameof(BlockerText.RespondPassButton)), With(ids, BlockerVerbs.Pass))]));
        }

        return new AdaptiveCard(body);
    }

    private static Dictionary<string, object> With(Dictionary<string, object> ids, string verb) => new(ids) { ["verb"] = verb };
}
