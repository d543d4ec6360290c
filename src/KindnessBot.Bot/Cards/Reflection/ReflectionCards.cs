using System.Globalization;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Cards.Reflection;

/// <summary>What a leader fills in to set up (or change) a team's weekly reflection.</summary>
internal static class ReflectionFormCard
{
    public static readonly int[] OpenForChoices = [1, 2, 3, 4, 5, 6, 7];

    /// <param name="current">The schedule being changed, or null for a first set-up.</param>
    /// <param name="suggestedZone">The zone the leader's Teams client reported (localTimezone), if any.</param>
    /// <param name="teamId">From personal chat, the team being changed, carried by the save button.</param>
    public static AdaptiveCard Build(ReflectionSchedule? current, string? suggestedZone, string? teamId, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var days = Enumerable.Range(0, 7).Select(i => (DayOfWeek)((i + 1) % 7)); // Monday first
        var body = new List<CardElement>
        {
            new TextBlock(T("ReflectionTitle")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(T("ReflectionFormIntro")) { IsSubtle = true },
            new InputChoiceSet("day", [.. days.Select(d => new Choice(culture.DateTimeFormat.GetDayName(d), d.ToString()))])
            {
                Label = T("ReflectionDayLabel"), Style = "compact", Value = (current?.Day ?? DayOfWeek.Monday).ToString(), IsRequired = true, ErrorMessage = T("ReflectionDayLabel"),
            },
            new InputTime("time") { Label = T("ReflectionTimeLabel"), Value = (current?.LocalTime ?? new TimeOnly(9, 30)).ToString("HH:mm", CultureInfo.InvariantCulture), IsRequired = true, ErrorMessage = T("ReflectionTimeError") },
            new InputText("zone") { Label = T("ReflectionZoneLabel"), Value = current?.TimeZoneId ?? suggestedZone ?? "Europe/London", MaxLength = 64, IsRequired = true, ErrorMessage = T("ReflectionZoneError") },
            new InputChoiceSet("commitments", [.. Enum.GetValues<Commitment>().Select(c => new Choice(c.Name(culture), c.ToString()))])
            {
                Label = T("ReflectionCommitmentsLabel"),
                IsMultiSelect = true,
                Style = "expanded",
                Value = string.Join(',', current?.Commitments ?? Enum.GetValues<Commitment>()),
            },
            new InputChoiceSet("openFor", [.. OpenForChoices.Select(d => new Choice(d == 1 ? T("ReflectionOpenForOneDay") : string.Format(culture, T("ReflectionOpenForDays"), d), d.ToString(CultureInfo.InvariantCulture)))])
            {
                Label = T("ReflectionOpenForLabel"), Style = "compact", Value = ((int)(current?.OpenFor ?? ReflectionSchedule.DefaultOpenFor).TotalDays).ToString(CultureInfo.InvariantCulture),
            },
        };
        var save = new Dictionary<string, object> { ["verb"] = Verbs.ReflectionSetUp };
        if (teamId is not null)
        {
            save["team"] = teamId;
        }

        return new AdaptiveCard(body, [new SubmitAction(T("ReflectionSaveButton"), save)]);
    }
}

/// <summary>A team's reflection as it stands, with the leader's buttons.</summary>
internal static class ReflectionStatusCard
{
    public static AdaptiveCard Build(ReflectionSchedule schedule, PromptSlot? next, string? notice, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement> { new TextBlock(T("ReflectionTitle")) { Weight = TextWeight.Bolder } };
        if (notice is not null)
        {
            body.Add(RichTextBlock.Plain(notice));
        }

        body.Add(new TextBlock(Describe(schedule, culture)) { Spacing = Spacing.Medium });
        body.Add(new TextBlock(next is null ? T("ReflectionPausedText") : string.Format(culture, T("ReflectionNext"), When(schedule, next, culture))) { IsSubtle = next is not null });
        if (schedule.CreatedByName is { Length: > 0 } by)
        {
            body.Add(RichTextBlock.Plain(string.Format(culture, T("ReflectionSetBy"), by)));
        }

        Dictionary<string, object> Data(string verb) => new() { ["verb"] = verb, ["team"] = schedule.TeamId };
        return new AdaptiveCard(
            body,
            [
                schedule.Paused ? new SubmitAction(T("ReflectionResumeButton"), Data(Verbs.ReflectionResume)) : new SubmitAction(T("ReflectionPauseButton"), Data(Verbs.ReflectionPause)),
                new SubmitAction(T("ReflectionSkipButton"), Data(Verbs.ReflectionSkip)),
                new SubmitAction(T("ReflectionChangeButton"), Data(Verbs.ReflectionChange)),
            ]);
    }

    public static string Describe(ReflectionSchedule schedule, CultureInfo culture) =>
        string.Format(
            culture,
            Localisation.Text("ReflectionSchedule", culture),
            culture.DateTimeFormat.GetDayName(schedule.Day),
            schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            schedule.TimeZoneId,
            string.Join(", ", schedule.Commitments.Select(c => c.Name(culture))));

    /// <summary>"on Tuesday 1 December at 09:30 (Europe/London)".</summary>
    public static string When(ReflectionSchedule schedule, PromptSlot slot, CultureInfo culture) =>
        string.Format(culture, Localisation.Text("ReflectionWhen", culture), slot.LocalDate.ToString("dddd d MMMM", culture), schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture), schedule.TimeZoneId);
}

/// <summary>The weekly prompt in the team channel: the question, the answer form, and how many have answered (never who).</summary>
internal static class PromptCard
{
    public static AdaptiveCard Build(PromptMessage prompt, int answerCount, bool closed, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T("PromptTitle")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(string.Format(culture, T("PromptCommitment"), prompt.Commitment.Name(culture))) { IsSubtle = true, Spacing = Spacing.None },
            new TextBlock(QuestionBank.Find(prompt.QuestionKey)?.Text ?? string.Empty) { Size = TextSize.Medium, Spacing = Spacing.Medium },
            new TextBlock(Count(answerCount, culture)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
        };
        if (closed)
        {
            body.Add(new Container([new TextBlock(T("PromptClosed"))]) { Style = ContainerStyle.Emphasis });
            return new AdaptiveCard(body);
        }

        body.Add(new TextBlock(string.Format(culture, T("PromptCloses"), $"{prompt.Local(prompt.ClosesAt).ToString("dddd d MMMM, HH:mm", culture)} ({prompt.TimeZoneId ?? "UTC"})")) { IsSubtle = true, Spacing = Spacing.None });
        body.Add(new InputText("answer") { Label = T("PromptAnswerLabel"), Placeholder = T("PromptAnswerPlaceholder"), IsMultiline = true, MaxLength = AnswerService.MaxTextLength });
        body.Add(new InputChoiceSet("wellbeing", [.. Enumerable.Range(1, 5).Select(i => new Choice(T($"PromptWellbeing{i}"), i.ToString(CultureInfo.InvariantCulture)))])
        {
            Label = T("PromptWellbeingLabel"), Style = "compact", Placeholder = T("PromptWellbeingLabel"),
        });
        body.Add(new InputToggle("named", T("PromptNamedToggle")) { Value = "false" });
        body.Add(new TextBlock(T("PromptPrivacy")) { IsSubtle = true, Size = TextSize.Small });
        var data = new Dictionary<string, object> { ["verb"] = Verbs.ReflectionAnswer, ["team"] = prompt.TeamId, ["week"] = prompt.Week };
        return new AdaptiveCard(body, [new SubmitAction(T("PromptSendButton"), data)]);
    }

    private static string Count(int count, CultureInfo culture) => count switch
    {
        0 => Localisation.Text("PromptCountNone", culture),
        1 => Localisation.Text("PromptCountOne", culture),
        _ => string.Format(culture, Localisation.Text("PromptCount", culture), count),
    };
}

/// <summary>What a leader receives when a prompt closes: the answers (anonymous ones without names), the count, and wellbeing only from five scores.</summary>
internal static class ReflectionSummaryCard
{
    /// <summary>Answers per card, so each stays well inside Teams' 28 KB message limit (an answer is at most 1,000 characters).</summary>
    public const int AnswersPerCard = 12;

    public static IReadOnlyList<AdaptiveCard> Build(string teamName, PromptMessage prompt, IReadOnlyList<ReflectionAnswer> answers, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var wellbeing = WellbeingSummary.Of(answers);
        var first = new List<CardElement>
        {
            new RichTextBlock([new TextRun(string.Format(culture, T("SummaryTitle"), teamName)) { Weight = TextWeight.Bolder }]),
            new TextBlock(T("SummaryIntro")) { IsSubtle = true },
            new TextBlock(string.Format(culture, T("SummaryQuestion"), QuestionBank.Find(prompt.QuestionKey)?.Text ?? string.Empty)) { Spacing = Spacing.Medium },
            new TextBlock(answers.Count switch { 0 => T("SummaryCountNone"), 1 => T("SummaryCountOne"), _ => string.Format(culture, T("SummaryCount"), answers.Count) }) { Weight = TextWeight.Bolder },
            new TextBlock(wellbeing.Average is { } average ? string.Format(culture, T("SummaryWellbeing"), average.ToString("0.0", culture), wellbeing.Scores) : T("SummaryWellbeingHidden")) { IsSubtle = wellbeing.Average is null },
        };
        // In the order of their text, so the order says nothing about who answered when; names only where people chose them.
        var ordered = answers.OrderBy(a => a.Text, StringComparer.Ordinal).ToList();
        var cards = new List<AdaptiveCard>();
        var body = first;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0 && i % AnswersPerCard == 0)
            {
                cards.Add(new AdaptiveCard(body));
                body = [RichTextBlock.Plain(string.Format(culture, T("SummaryContinued"), teamName))];
            }

            body.Add(Answer(ordered[i], culture));
        }

        cards.Add(new AdaptiveCard(body));
        return cards;
    }

    private static Container Answer(ReflectionAnswer answer, CultureInfo culture)
    {
        var who = answer.Anonymous ? Localisation.Text("SummaryAnonymous", culture) : answer.UserName ?? answer.UserId ?? Localisation.Text("SummaryAnonymous", culture);
        var line = answer.Wellbeing is { } score ? $"{who} · {string.Format(culture, Localisation.Text("SummaryWellbeingOf", culture), score)}" : who;
        var items = new List<CardElement> { new RichTextBlock([new TextRun(line) { IsSubtle = true }]) };
        if (answer.Text.Length > 0)
        {
            items.Add(RichTextBlock.Plain(answer.Text));
        }

        return new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Small };
    }
}
