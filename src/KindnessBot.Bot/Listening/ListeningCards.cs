using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Listening;

namespace KindnessBot.Bot.Listening;

/// <summary>The cards of listening pulses and of the team's statement. Forms people type into open in dialogs (<see cref="Dialogs.Dialogs"/>).</summary>
public sealed class ListeningCards(Dialogs.Dialogs dialogs) : CardSet
{
    public const int Bank = 6;
    public static readonly int[] DayChoices = [3, 5, 7, 10, 14];

    /// <summary>A leader's form to ask the team: a question from the bank or their own, and how long it stays open.</summary>
    public CardMessage AskForm(string teamId, string? locale)
    {
        var culture = Culture(locale);
        string T(string name) => Localisation.Text(name, culture);
        var bank = Enumerable.Range(1, Bank).Select(i => new Choice(T($"PulseQuestion{i}"), i.ToString(CultureInfo.InvariantCulture))).Append(new Choice(T(nameof(ListeningText.PulseBankOwn)), "own"));
        return Fresh(new AdaptiveCard(
            [
                new TextBlock(T(nameof(ListeningText.PulseAskTitle))) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
                new TextBlock(T(nameof(ListeningText.PulseAskIntro))) { IsSubtle = true },
                new InputChoiceSet("bank", [.. bank]) { Label = T(nameof(ListeningText.PulseBankLabel)), Style = "expanded", Value = "1" },
                new InputText("own") { Label = T(nameof(ListeningText.PulseOwnLabel)), MaxLength = Core.Listening.Pulse.MaxQuestionLength },
                new InputChoiceSet("days", [.. DayChoices.Select(d => new Choice(string.Format(culture, T(nameof(ListeningText.PulseDays)), d), d.ToString(CultureInfo.InvariantCulture)))]) { Label = T(nameof(ListeningText.PulseDaysLabel)), Style = "compact", Value = "7" },
            ],
            [new SubmitAction(T(nameof(ListeningText.PulseAskButton)), new Dictionary<string, object> { ["verb"] = ListeningVerbs.Ask, ["team"] = teamId })]));
    }

    /// <summary>The pulse in the team's channel: the question, the count (from five), and the buttons; updated in place as people answer.</summary>
    public CardMessage Pulse(Pulse pulse, DateTimeOffset now, string? locale)
    {
        var culture = Culture(locale);
        string T(string name) => Localisation.Text(name, culture);
        var closed = pulse.IsClosed(now);
        var count = closed
            ? pulse.AnswerCount < Core.Listening.Pulse.MinimumAnswers ? T(nameof(ListeningText.PulseClosedFew)) : string.Format(culture, T(nameof(ListeningText.PulseClosedMany)), pulse.AnswerCount)
            : pulse.AnswerCount < Core.Listening.Pulse.MinimumAnswers ? T(nameof(ListeningText.PulseFewAnswered)) : string.Format(culture, T(nameof(ListeningText.PulseAnswered)), pulse.AnswerCount);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(ListeningText.PulseCardTitle))) { Weight = TextWeight.Bolder },
            RichTextBlock.Plain(pulse.Question),
            new TextBlock(T(nameof(ListeningText.PulseCardIntro))) { IsSubtle = true },
            new TextBlock(count) { Spacing = Spacing.Medium },
        };
        if (!closed)
        {
            body.Add(new TextBlock(string.Format(culture, T(nameof(ListeningText.PulseOpenUntil)), pulse.ClosesAt.AddMinutes(-1).UtcDateTime.ToString("d MMMM yyyy", culture))) { IsSubtle = true });
        }

        var ids = new Dictionary<string, object> { ["team"] = pulse.TeamId, ["pulse"] = pulse.Id };
        var actions = new List<CardAction>();
        if (!closed)
        {
            actions.Add(dialogs.Button(T(nameof(ListeningText.PulseAnswerButton)), ListeningVerbs.AnswerForm, ids));
            actions.Add(new SubmitAction(T(nameof(ListeningText.PulseCloseButton)), new Dictionary<string, object>(ids) { ["verb"] = ListeningVerbs.Close }));
        }

        actions.Add(new SubmitAction(T(nameof(ListeningText.PulseResultsButton)), new Dictionary<string, object>(ids) { ["verb"] = ListeningVerbs.Results }));
        return Fresh(new AdaptiveCard(body, actions));
    }

    public CardMessage AnswerForm(Pulse pulse, string? locale)
    {
        var culture = Culture(locale);
        string T(string name) => Localisation.Text(name, culture);
        return Fresh(new AdaptiveCard(
            [
                new TextBlock(T(nameof(ListeningText.PulseAnswerTitle))) { Weight = TextWeight.Bolder },
                RichTextBlock.Plain(pulse.Question),
                new InputText("answer") { Label = T(nameof(ListeningText.PulseAnswerLabel)), IsMultiline = true, MaxLength = Core.Listening.Pulse.MaxAnswerLength, IsRequired = true, ErrorMessage = T(nameof(ListeningText.PulseAnswerLabel)) },
                new InputToggle("named", T(nameof(ListeningText.PulseNamedToggle))) { Value = "false" },
                new TextBlock(T(nameof(ListeningText.PulseAnonymityNote))) { IsSubtle = true },
            ],
            [new SubmitAction(T(nameof(ListeningText.PulseSendButton)), new Dictionary<string, object> { ["verb"] = ListeningVerbs.Answer, ["team"] = pulse.TeamId, ["pulse"] = pulse.Id })]));
    }

    /// <summary>
    /// The answers, for a leader's own chat, every one in full: anonymous ones without a name, in an order that says
    /// nothing about who or when, over as many cards as keep each well inside Teams' 28 KB (at most <see cref="MaxResultCards"/>).
    /// </summary>
    public IReadOnlyList<CardMessage> Results(Pulse pulse, IReadOnlyList<PulseAnswer> answers, string? locale)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentNullException.ThrowIfNull(answers);
        var culture = Culture(locale);
        string T(string name) => Localisation.Text(name, culture);
        var pages = new List<List<CardElement>>();
        var used = 0;
        foreach (var answer in answers)
        {
            var who = answer.Named && answer.Name is { } name ? name : T(nameof(ListeningText.PulseAnonymous));
            var bytes = Bytes(answer.Text) + Bytes(who) + 200;
            if (pages.Count == 0 || used + bytes > ResultBudget)
            {
                if (pages.Count == MaxResultCards)
                {
                    break;
                }

                pages.Add([]);
                used = 0;
            }

            pages[^1].Add(new Container([RichTextBlock.Plain(answer.Text), RichTextBlock.Plain(who, italic: true)]) { Separator = true });
            used += bytes;
        }

        if (pages.Count == 0)
        {
            pages.Add([]);
        }

        return [.. pages.Select((items, i) => Fresh(new AdaptiveCard(
        [
            new TextBlock(T(nameof(ListeningText.PulseResultsTitle))) { Weight = TextWeight.Bolder },
            .. i == 0 ? new CardElement[]
            {
                RichTextBlock.Plain(pulse.Question),
                new TextBlock(string.Format(culture, T(nameof(ListeningText.PulseResultsIntro)), answers.Count)) { IsSubtle = true },
            } : [],
            .. items,
        ]), nameof(Results)))];
    }

    /// <summary>Bytes of answers one results card holds, and how many cards one reading sends at most.</summary>
    public const int ResultBudget = 18_000;

    public const int MaxResultCards = 10;

    private static int Bytes(string text) => text.Sum(c => c < 128 ? 1 : 6);

    public CardMessage Statement(StatementView view, string? locale) => Fresh(StatementCard.Build(view, dialogs, Culture(locale)));

    public CardMessage WriteForm(string teamId, KindnessStatement? current, IReadOnlyList<StatementSuggestion> suggestions, IReadOnlyList<KindnessStatement> history, string? locale) =>
        Fresh(StatementCard.WriteForm(teamId, current, suggestions, history, Culture(locale)));

    public CardMessage SuggestForm(string teamId, string? locale)
    {
        var culture = Culture(locale);
        string T(string name) => Localisation.Text(name, culture);
        return Fresh(new AdaptiveCard(
            [
                new TextBlock(T(nameof(ListeningText.StatementSuggestTitle))) { Weight = TextWeight.Bolder },
                new InputText("suggestion") { Label = T(nameof(ListeningText.StatementSuggestLabel)), IsMultiline = true, MaxLength = KindnessStatements.MaxSuggestion, IsRequired = true, ErrorMessage = T(nameof(ListeningText.StatementSuggestLabel)) },
                new TextBlock(T(nameof(ListeningText.StatementSuggestNote))) { IsSubtle = true },
            ],
            [new SubmitAction(T(nameof(ListeningText.StatementSuggestSend)), new Dictionary<string, object> { ["verb"] = ListeningVerbs.Suggest, ["team"] = teamId })]));
    }
}

/// <summary>A team's statement as this person sees it: leaders also get the button to write it.</summary>
public sealed record StatementView(string TeamId, string TeamName, KindnessStatement? Current, bool Leads);
