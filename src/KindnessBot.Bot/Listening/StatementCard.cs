using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Listening;

namespace KindnessBot.Bot.Listening;

/// <summary>What kindness means here: the team's statement with "this rings true" (counted from five) and "suggest a change"; and the leaders' form to write it.</summary>
internal static class StatementCard
{
    public const int SuggestionsShown = 10;
    public const int HistoryShown = 5;

    public static AdaptiveCard Build(StatementView view, Dialogs.Dialogs dialogs, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(ListeningText.KindnessStatementTitle))) { Weight = TextWeight.Bolder },
            RichTextBlock.Plain(ShortText.Of(view.TeamName, 60)),
        };
        var team = new Dictionary<string, object> { ["team"] = view.TeamId };
        var actions = new List<CardAction>();
        if (view.Current is { } statement)
        {
            body.Add(RichTextBlock.Plain(statement.Text) with { Spacing = Spacing.Medium });
            body.Add(new TextBlock(string.Format(culture, T(nameof(ListeningText.StatementWritten)), statement.WrittenAt.UtcDateTime.ToString("d MMMM yyyy", culture))) { IsSubtle = true });
            body.Add(new TextBlock(statement.RingsTrue < 5 ? T(nameof(ListeningText.StatementRingsFew)) : string.Format(culture, T(nameof(ListeningText.StatementRingsMany)), statement.RingsTrue)) { IsSubtle = true });
            actions.Add(new SubmitAction(T(nameof(ListeningText.StatementRingsTrueButton)), new Dictionary<string, object>(team) { ["verb"] = ListeningVerbs.RingsTrue, ["version"] = statement.Version }));
            actions.Add(dialogs.Button(T(nameof(ListeningText.StatementSuggestButton)), ListeningVerbs.SuggestForm, team));
        }
        else
        {
            body.Add(new TextBlock(T(nameof(ListeningText.StatementNone))) { IsSubtle = true });
        }

        if (view.Leads)
        {
            actions.Add(dialogs.Button(T(nameof(ListeningText.StatementWriteButton)), ListeningVerbs.WriteForm, team));
        }

        return new AdaptiveCard(body, actions);
    }

    public static AdaptiveCard WriteForm(string teamId, KindnessStatement? current, IReadOnlyList<StatementSuggestion> suggestions, IReadOnlyList<KindnessStatement> history, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(ListeningText.StatementWriteTitle))) { Weight = TextWeight.Bolder },
            new TextBlock(T(nameof(ListeningText.StatementWriteIntro))) { IsSubtle = true },
            new InputText("statement") { Label = T(nameof(ListeningText.StatementTextLabel)), IsMultiline = true, MaxLength = KindnessStatements.MaxLength, Value = current?.Text, IsRequired = true, ErrorMessage = T(nameof(ListeningText.StatementTextLabel)) },
            new TextBlock(T(nameof(ListeningText.StatementSuggestionsHeading))) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
        };
        if (suggestions.Count == 0)
        {
            body.Add(new TextBlock(T(nameof(ListeningText.StatementNoSuggestions))) { IsSubtle = true });
        }

        body.AddRange(suggestions.Take(SuggestionsShown).Select(s => (CardElement)(RichTextBlock.Plain("• " + ShortText.Of(s.Text, 200)))));
        if (history.Count > 1)
        {
            body.Add(new TextBlock(T(nameof(ListeningText.StatementHistoryHeading))) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.AddRange(history.Skip(1).Take(HistoryShown).Select(h => (CardElement)RichTextBlock.Plain($"{h.WrittenAt.UtcDateTime.ToString("d MMMM yyyy", culture)}: {ShortText.Of(h.Text, 200)}")));
        }

        return new AdaptiveCard(body, [new SubmitAction(T(nameof(ListeningText.StatementSaveButton)), new Dictionary<string, object> { ["verb"] = ListeningVerbs.SaveStatement, ["team"] = teamId })]);
    }
}
