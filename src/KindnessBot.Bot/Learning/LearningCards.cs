using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Learning;

namespace KindnessBot.Bot.Learning;

/// <summary>
/// The dashboard's cards: a team's (for its leaders), the organisation's with each team beside it (for admins), the
/// choice of team in personal chat, and the story's links. Every figure reads the same way (<see cref="FigureText"/>);
/// the picture is a link to the chart the bot draws, so the card stays small.
/// </summary>
public sealed class LearningCards : CardSet
{
    /// <summary>The most teams the organisation's card lists one by one.</summary>
    public const int MaxTeamsListed = 12;

    /// <summary>The figures each team shows on the organisation's card.</summary>
    public static readonly string[] TeamFigures = [Core.Measures.Metrics.Recognitions, Core.Measures.Metrics.ReflectionAnswers, Core.Measures.Metrics.DecisionsWithStatement, Core.Measures.Metrics.BlockersChanged];

    public CardMessage Dashboard(TeamDashboard dashboard, string teamName, Uri chart, bool isAdmin, string? locale)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var culture = Culture(locale);
        string T(string name) => Localisation.Text(name, culture);
        var body = Heading(RichTextBlock.Plain(string.Format(culture, T(nameof(LearningText.DashboardTitle)), teamName)), dashboard, culture);
        if (dashboard.TeamSize is { } size)
        {
            body.Add(new TextBlock(string.Format(culture, T(nameof(LearningText.DashboardTeamSize)), size)) { IsSubtle = true, Spacing = Spacing.None });
        }

        body.AddRange(Sections(dashboard, chart, culture));
        var team = new Dictionary<string, object> { ["team"] = dashboard.ScopeId };
        var actions = new List<CardAction>
        {
            new SubmitAction(T(dashboard.Period.Weeks == 4 ? nameof(LearningText.DashboardTwelveWeeks) : nameof(LearningText.DashboardFourWeeks)), new Dictionary<string, object>(team) { ["verb"] = LearningVerbs.Dashboard, ["weeks"] = dashboard.Period.Weeks == 4 ? "12" : "4" }),
            new SubmitAction(T(nameof(LearningText.DashboardStoryButton)), new Dictionary<string, object>(team) { ["verb"] = LearningVerbs.Story, ["weeks"] = dashboard.Period.Weeks.ToString(CultureInfo.InvariantCulture) }),
            new SubmitAction(T(nameof(LearningText.DashboardStoryYearButton)), new Dictionary<string, object>(team) { ["verb"] = LearningVerbs.Story, ["weeks"] = "52" }),
        };
        if (isAdmin)
        {
            actions.Add(new SubmitAction(T(nameof(LearningText.DashboardOrganisationButton)), new Dictionary<string, object> { ["verb"] = LearningVerbs.Organisation, ["weeks"] = dashboard.Period.Weeks.ToString(CultureInfo.InvariantCulture) }));
        }

        return Fresh(new AdaptiveCard(body, actions));
    }

    public CardMessage Organisation(OrganisationDashboard dashboard, Uri chart, string? locale)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var culture = Culture(locale);
        string T(string name) => Localisation.Text(name, culture);
        var body = Heading(new TextBlock(T(nameof(LearningText.DashboardOrganisationTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder }, dashboard.Whole, culture);
        body.AddRange(Sections(dashboard.Whole, chart, culture));
        if (dashboard.Teams.Count > 0)
        {
            body.Add(new TextBlock(T(nameof(LearningText.DashboardByTeamTitle))) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Large });
            body.Add(new TextBlock(T(nameof(LearningText.DashboardByTeamNote))) { IsSubtle = true, Spacing = Spacing.None });
            foreach (var (team, figures) in dashboard.Teams.Take(MaxTeamsListed))
            {
                body.Add(new RichTextBlock([new TextRun(team.TeamName ?? team.ScopeId) { Weight = TextWeight.Bolder }]) { Spacing = Spacing.Medium });
                body.Add(new FactSet([.. TeamFigures
                    .Select(key => figures.Sections.Select(s => s.Figure(key)).FirstOrDefault(f => f is not null))
                    .OfType<DashboardFigure>()
                    .Select(f => new Fact(FigureText.Label(f.Key, culture), FigureText.Both(f, culture)))]) { Spacing = Spacing.None });
            }
        }

        var other = dashboard.Whole.Period.Weeks == 4 ? "12" : "4";
        return Fresh(new AdaptiveCard(body, [new SubmitAction(T(other == "12" ? nameof(LearningText.DashboardTwelveWeeks) : nameof(LearningText.DashboardFourWeeks)), new Dictionary<string, object> { ["verb"] = LearningVerbs.Organisation, ["weeks"] = other })]));
    }

    /// <summary>The most teams the choice lists (a leader of more types the command in the team's channel).</summary>
    public const int MaxTeamsToChoose = 30;

    /// <summary>In personal chat: a choice of the teams the person leads (and, for an admin, the whole organisation).</summary>
    public CardMessage ChooseTeam(IReadOnlyList<ConversationRecord> teams, bool isAdmin, string? locale)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var culture = Culture(locale);
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement> { new TextBlock(T(nameof(LearningText.LearningTitle))) { Weight = TextWeight.Bolder } };
        var actions = new List<CardAction>();
        if (teams.Count > 0)
        {
            body.Add(new TextBlock(T(nameof(LearningText.DashboardChooseTeam))));
            body.Add(new InputChoiceSet("team", [.. teams.Take(MaxTeamsToChoose).Select(t => new Choice(ShortText.Of(t.TeamName ?? t.ScopeId, 60), t.ScopeId))]) { Label = T(nameof(LearningText.DashboardTeamLabel)), Style = "compact", Value = teams[0].ScopeId });
            actions.Add(new SubmitAction(T(nameof(LearningText.DashboardShowButton)), new Dictionary<string, object> { ["verb"] = LearningVerbs.Dashboard, ["weeks"] = "4" }));
        }

        if (isAdmin)
        {
            actions.Add(new SubmitAction(T(nameof(LearningText.DashboardOrganisationButton)), new Dictionary<string, object> { ["verb"] = LearningVerbs.Organisation, ["weeks"] = "4" }));
        }

        return Fresh(new AdaptiveCard(body, actions));
    }

    public CardMessage StoryReady(string teamName, DashboardPeriod period, Uri story, Uri csv, string? locale)
    {
        ArgumentNullException.ThrowIfNull(period);
        var culture = Culture(locale);
        string T(string name) => Localisation.Text(name, culture);
        var text = string.Format(culture, T(nameof(LearningText.StoryReady)), teamName, Day(period.From, culture), Day(period.To, culture), (int)LearningLinks.StoryLifetime.TotalMinutes);
        return Fresh(new AdaptiveCard(
            [new TextBlock(T(nameof(LearningText.LearningTitle))) { Weight = TextWeight.Bolder }, RichTextBlock.Plain(text)],
            [new OpenUrlAction(T(nameof(LearningText.StoryOpenButton)), story), new OpenUrlAction(T(nameof(LearningText.StoryCsvButton)), csv)]));
    }

    internal static string Day(DateOnly day, CultureInfo culture) => day.ToString("d MMMM yyyy", culture);

    private static List<CardElement> Heading(CardElement title, TeamDashboard dashboard, CultureInfo culture)
    {
        if (title is RichTextBlock rich)
        {
            title = rich with { Inlines = [.. rich.Inlines.Select(r => r with { Size = TextSize.Large, Weight = TextWeight.Bolder })] };
        }

        return
        [
            title,
            new TextBlock(string.Format(culture, Localisation.Text(nameof(LearningText.DashboardPeriodLine), culture), dashboard.Period.Weeks, Day(dashboard.Period.From, culture), Day(dashboard.Period.To, culture))) { IsSubtle = true, Spacing = Spacing.None },
        ];
    }

    private static IEnumerable<CardElement> Sections(TeamDashboard dashboard, Uri chart, CultureInfo culture)
    {
        if (dashboard.IsEmpty)
        {
            yield return new TextBlock(Localisation.Text(nameof(LearningText.DashboardEmpty), culture)) { Spacing = Spacing.Medium };
            yield break;
        }

        foreach (var section in dashboard.Sections)
        {
            yield return new TextBlock(FigureText.Section(section.Commitment, culture)) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };
            yield return new FactSet([.. section.Figures.Select(f => new Fact(FigureText.Label(f.Key, culture), FigureText.Both(f, culture)))]) { Spacing = Spacing.Small };
        }

        yield return new Image(chart) { AltText = Localisation.Text(nameof(LearningText.DashboardChartAlt), culture), Size = "stretch", Separator = true, Spacing = Spacing.Medium };
        if (dashboard.Sections.Any(s => s.Figures.Any(f => f.Now.Withheld || f.Before.Withheld) || s.Chart.Any(p => p.Value.Withheld)))
        {
            yield return new TextBlock(Localisation.Text(nameof(LearningText.DashboardWithheldNote), culture)) { IsSubtle = true };
        }
    }
}
