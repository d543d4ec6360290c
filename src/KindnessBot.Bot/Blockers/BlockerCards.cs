using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Resources;
using KindnessBot.Core.Blockers;

namespace KindnessBot.Bot.Blockers;

/// <summary>The blockers feature's cards. Buttons that open a form go through <see cref="Dialogs.Dialogs"/>.</summary>
public sealed class BlockerCards(Dialogs.Dialogs dialogs) : CardSet
{
    public CardMessage ReportForm(ReportFormView view, string? locale) => Fresh(ReportFormCard.Build(view, Culture(locale)));

    /// <summary>In a channel or group chat: what blockers are, and the button that opens the form for the one who presses it.</summary>
    public CardMessage Invite(string teamId, string? locale) => Fresh(new AdaptiveCard(
        [
            new TextBlock(Localisation.Text(nameof(BlockerText.ReportTitle), Culture(locale))) { Weight = TextWeight.Bolder },
            new TextBlock(Localisation.Text(nameof(BlockerText.ReportChannelIntro), Culture(locale))),
        ],
        [ReportButton(teamId, Culture(locale))]));

    public CardMessage List(BlockerListView view, string? locale) => Fresh(BlockerListCard.Build(view, this, Culture(locale)));

    public CardMessage MyReports(IReadOnlyList<OwnReport> reports, string? locale) => Fresh(BlockerListCard.Mine(reports, Culture(locale)));

    public CardMessage Respond(RespondView view, string? locale) => Fresh(RespondFormCard.Build(view, Culture(locale)));

    /// <summary>The reporter's news: what became of what they raised, from the change as it was made.</summary>
    public CardMessage News(string what, BlockerStatus status, string? note, string? locale)
    {
        var culture = Culture(locale);
        var text = status switch
        {
            BlockerStatus.Changed => string.Format(culture, Localisation.Text(nameof(BlockerText.NewsChanged), culture), note),
            BlockerStatus.NotChanging => string.Format(culture, Localisation.Text(nameof(BlockerText.NewsNotChanging), culture), note),
            _ => Localisation.Text("News" + status, culture),
        };
        return Fresh(new AdaptiveCard(
        [
            new TextBlock(Localisation.Text(nameof(BlockerText.NewsTitle), culture)) { Weight = TextWeight.Bolder },
            RichTextBlock.Plain(ShortText.Of(what, BlockerListCard.ShortLength), italic: true),
            RichTextBlock.Plain(text) with { Spacing = Spacing.Medium },
        ]));
    }

    /// <summary>The monthly "you said, we did": what changed and what will not change (and why) in its period, and only that.</summary>
    public CardMessage Digest(string teamName, DigestPeriod period, IReadOnlyList<BlockerSummary> closed, string? locale) => Fresh(DigestCard.Build(teamName, period, closed, Culture(locale)));

    internal CardAction ReportButton(string? teamId, CultureInfo culture) =>
        dialogs.Button(Localisation.Text(nameof(Strings.ReportBlockerButton), culture), BlockerVerbs.ReportForm, teamId is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["team"] = teamId });

    internal CardAction RespondButton(string teamId, string blockerId, CultureInfo culture) =>
        dialogs.Button(Localisation.Text(nameof(BlockerText.RespondButton), culture), BlockerVerbs.RespondForm, new Dictionary<string, object> { ["team"] = teamId, ["blocker"] = blockerId });
}

/// <summary>The report form: its id (so sending it twice stores one blocker), and the team it is for or the teams to choose from.</summary>
public sealed record ReportFormView(string FormId, IReadOnlyList<TeamChoice> Teams, string? FixedTeam);

/// <summary>A team to choose, by its scope id and its name.</summary>
public sealed record TeamChoice(string Id, string Name);

/// <summary>
/// A team's list as this person may see it: leaders get a Respond button on each open one, members "this affects me
/// too"; in the team's own conversation, leaders also get the monthly "you said, we did" settings (<see cref="Digest"/>
/// is the current one, <see cref="Zone"/> the zone to suggest).
/// </summary>
public sealed record BlockerListView(string TeamId, string TeamName, TeamBlockers Blockers, bool Leads, bool MoreOpen, bool CanSchedule = false, DigestSchedule? Digest = null, string? Zone = null);

/// <summary>A leader's form for one open blocker, with the moves it may take, the team's other open ones and the teams it may go to.</summary>
public sealed record RespondView(string TeamId, Blocker Blocker, IReadOnlyList<BlockerSummary> Others, IReadOnlyList<TeamChoice> Teams);
