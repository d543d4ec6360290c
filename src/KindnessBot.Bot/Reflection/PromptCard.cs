using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Reflection;

/// <summary>The weekly prompt in the team channel: the question, how many have answered (never who), and the Answer button that opens the form.</summary>
internal static class PromptCard
{
    public static AdaptiveCard Build(PromptMessage prompt, int answerCount, bool closed, CardAction answer, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(ReflectionText.PromptTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(string.Format(culture, T(nameof(ReflectionText.PromptCommitment)), prompt.Commitment.Name(culture))) { IsSubtle = true, Spacing = Spacing.None },
            new TextBlock(QuestionBank.Find(prompt.QuestionKey)?.Text ?? string.Empty) { Size = TextSize.Medium, Spacing = Spacing.Medium },
            new TextBlock(Count(answerCount, culture)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
        };
        if (closed)
        {
            body.Add(new Container([new TextBlock(T(nameof(ReflectionText.PromptClosed)))]) { Style = ContainerStyle.Emphasis });
            return new AdaptiveCard(body);
        }

        body.Add(new TextBlock(string.Format(culture, T(nameof(ReflectionText.PromptCloses)), $"{prompt.Local(prompt.ClosesAt).ToString("dddd d MMMM, HH:mm", culture)} ({prompt.TimeZoneId ?? "UTC"})")) { IsSubtle = true, Spacing = Spacing.None });
        body.Add(new TextBlock(T(nameof(ReflectionText.PromptPrivacy))) { IsSubtle = true, Size = TextSize.Small });
        return new AdaptiveCard(body, [answer]);
    }

    /// <summary>
    /// The answer form, opened by the prompt's Answer button in a dialog (or, where dialogs cannot open, as a card of its
    /// own): never part of the shared prompt card, whose in-place count updates would take away what someone is typing.
    /// </summary>
    public static AdaptiveCard Form(PromptMessage prompt, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(QuestionBank.Find(prompt.QuestionKey)?.Text ?? string.Empty) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new InputText("answer") { Label = T(nameof(ReflectionText.PromptAnswerLabel)), Placeholder = T(nameof(ReflectionText.PromptAnswerPlaceholder)), IsMultiline = true, MaxLength = AnswerService.MaxTextLength },
            new InputChoiceSet("wellbeing", [.. Enumerable.Range(1, 5).Select(i => new Choice(T($"PromptWellbeing{i}"), i.ToString(CultureInfo.InvariantCulture)))])
            {
                Label = T(nameof(ReflectionText.PromptWellbeingLabel)), Style = "compact", Placeholder = T(nameof(ReflectionText.PromptWellbeingLabel)),
            },
            new InputToggle("named", T(nameof(ReflectionText.PromptNamedToggle))) { Value = "false" },
            new TextBlock(T(nameof(ReflectionText.PromptPrivacy))) { IsSubtle = true, Size = TextSize.Small },
        };
        var data = new Dictionary<string, object> { ["verb"] = ReflectionVerbs.Answer, ["team"] = prompt.TeamId, ["week"] = prompt.Week };
        return new AdaptiveCard(body, [new SubmitAction(T(nameof(ReflectionText.PromptSendButton)), data)]);
    }

    private static string Count(int count, CultureInfo culture) => count switch
    {
        0 => Localisation.Text(nameof(ReflectionText.PromptCountNone), culture),
        1 => Localisation.Text(nameof(ReflectionText.PromptCountOne), culture),
        _ => string.Format(culture, Localisation.Text(nameof(ReflectionText.PromptCount), culture), count),
    };
}
