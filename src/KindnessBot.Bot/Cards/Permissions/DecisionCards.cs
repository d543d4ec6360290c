using System.Globalization;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Cards.Permissions;

/// <summary>Recording a flexible decision: what, for whom, relying on which permission, what happened, share or not.</summary>
internal static class DecisionFormCard
{
    /// <param name="reliedOn">Choices: "scope|key" for a statement, "scope|own" for own judgement in that team or chat.</param>
    public static AdaptiveCard Build(IReadOnlyList<Choice> reliedOn, string? selected, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        return new AdaptiveCard(
            [
                new TextBlock(T("DecisionFormTitle")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(T("DecisionFormIntro")) { IsSubtle = true },
                new InputText("decided") { Label = T("DecisionDecidedLabel"), IsMultiline = true, MaxLength = FlexDecision.MaxTextLength, IsRequired = true, ErrorMessage = T("DecisionDecidedError") },
                new InputText("forWhom") { Label = T("DecisionForWhomLabel"), Placeholder = T("DecisionForWhomPlaceholder"), MaxLength = FlexDecision.MaxForWhomLength, IsRequired = true, ErrorMessage = T("DecisionForWhomError") },
                new InputChoiceSet("reliedOn", reliedOn) { Label = T("DecisionStatementLabel"), Style = "compact", Value = selected ?? reliedOn[0].Value, IsRequired = true, ErrorMessage = T("DecisionStatementLabel") },
                new InputText("outcome") { Label = T("DecisionOutcomeLabel"), IsMultiline = true, MaxLength = FlexDecision.MaxTextLength, IsRequired = true, ErrorMessage = T("DecisionOutcomeError") },
                new InputToggle("share", T("DecisionShareToggle")) { Value = "false" },
            ],
            [SubmitAction.ForVerb(T("DecisionSubmit"), Verbs.FlexRecord)]);
    }
}

/// <summary>A decision someone was happy to share, posted in their team's channel.</summary>
internal static class StoryCard
{
    public static AdaptiveCard Build(FlexDecision decision, PermissionStatement? statement, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T("StoryTitle")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            RichTextBlock.Plain(string.Format(culture, T("StoryBody"), decision.PersonName, decision.Decided)),
            RichTextBlock.Plain(string.Format(culture, T("StoryForWhom"), decision.ForWhom)),
            RichTextBlock.Plain(string.Format(culture, T("StoryOutcome"), decision.Outcome)),
        };
        if (statement is not null)
        {
            body.Add(RichTextBlock.Plain(string.Format(culture, T("StoryRelied"), statement.What), italic: true));
        }

        return new AdaptiveCard(body);
    }
}

/// <summary>"permissions": the statements in force for the person, newest first.</summary>
internal static class PermissionsListCard
{
    public static AdaptiveCard Build(IReadOnlyList<PermissionStatement> statements, IReadOnlyList<FlexDecision> mine, DateOnly today, CultureInfo culture)
    {
        var body = new List<CardElement> { new TextBlock(Localisation.Text("PermissionsTitle", culture)) { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        if (statements.Count == 0)
        {
            body.Add(new TextBlock(Localisation.Text("PermissionsNone", culture)));
        }

        foreach (var statement in statements.Take(20))
        {
            body.Add(new Container(StatementCard.Describe(statement, today, culture)) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        if (mine.Count > 0)
        {
            body.Add(new TextBlock(Localisation.Text("PermissionsYourDecisions", culture)) { Weight = TextWeight.Bolder, Spacing = Spacing.Large, Separator = true });
            body.AddRange(mine.Take(10).Select(d => RichTextBlock.Plain($"{d.Decided} ({d.ForWhom}): {d.Outcome}")));
        }

        return new AdaptiveCard(body);
    }
}

/// <summary>"flex log": for each statement, the decisions that relied on it and the shared stories.</summary>
internal static class FlexLogCard
{
    public static AdaptiveCard Build(FlexLog log, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement> { new TextBlock(T("FlexLogTitle")) { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        foreach (var entry in log.Statements.Take(20))
        {
            var items = new List<CardElement>
            {
                RichTextBlock.Plain(entry.Statement.What),
                new TextBlock(string.Format(culture, T("FlexLogStatement"), entry.Decisions)) { IsSubtle = true },
            };
            items.AddRange(entry.SharedStories.Take(5).Select(d => RichTextBlock.Plain($"{d.PersonName}: {d.Decided}", italic: true)));
            body.Add(new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        body.Add(new TextBlock(string.Format(culture, T("FlexLogOwn"), log.OwnJudgementDecisions)) { Spacing = Spacing.Medium });
        body.AddRange(log.OwnJudgementStories.Take(5).Select(d => RichTextBlock.Plain($"{d.PersonName}: {d.Decided}", italic: true)));
        return new AdaptiveCard(body);
    }
}
