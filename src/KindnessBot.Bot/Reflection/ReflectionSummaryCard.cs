using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Reflection;

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
            new RichTextBlock([new TextRun(string.Format(culture, T(nameof(ReflectionText.SummaryTitle)), teamName)) { Weight = TextWeight.Bolder }]),
            new TextBlock(T(nameof(ReflectionText.SummaryIntro))) { IsSubtle = true },
            new TextBlock(string.Format(culture, T(nameof(ReflectionText.SummaryQuestion)), QuestionBank.Find(prompt.QuestionKey)?.Text ?? string.Empty)) { Spacing = Spacing.Medium },
            new TextBlock(answers.Count switch { 0 => T(nameof(ReflectionText.SummaryCountNone)), 1 => T(nameof(ReflectionText.SummaryCountOne)), _ => string.Format(culture, T(nameof(ReflectionText.SummaryCount)), answers.Count) }) { Weight = TextWeight.Bolder },
            new TextBlock(wellbeing.Average is { } average ? string.Format(culture, T(nameof(ReflectionText.SummaryWellbeing)), average.ToString("0.0", culture), wellbeing.Scores) : T(nameof(ReflectionText.SummaryWellbeingHidden))) { IsSubtle = wellbeing.Average is null },
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
                body = [RichTextBlock.Plain(string.Format(culture, T(nameof(ReflectionText.SummaryContinued)), teamName))];
            }

            body.Add(Answer(ordered[i], culture));
        }

        cards.Add(new AdaptiveCard(body));
        return cards;
    }

    private static Container Answer(ReflectionAnswer answer, CultureInfo culture)
    {
        // Never a score beside an answer: wellbeing is shown only as the average of five or more (above), so nobody's
        // score can be read beside their words, named or not.
        var who = answer.Anonymous ? Localisation.Text(nameof(ReflectionText.SummaryAnonymous), culture) : answer.UserName ?? answer.UserId ?? Localisation.Text(nameof(ReflectionText.SummaryAnonymous), culture);
        var items = new List<CardElement> { new RichTextBlock([new TextRun(who) { IsSubtle = true }]) };
        if (answer.Text.Length > 0)
        {
            items.Add(RichTextBlock.Plain(answer.Text));
        }

        return new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Small };
    }
}
