using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Listening;
using KindnessBot.Bot.Tests.Cards;
using KindnessBot.Core.Listening;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Listening;

public sealed class ListeningCardSamples : ICardSamples
{
    private static readonly DateTimeOffset At = new(CardSamples.Day, new TimeOnly(10, 0), TimeSpan.Zero);

    private static string Longest(string start, int length) => (start + " <at>*x*</at> " + new string('ŵ', length))[..length];

    private static readonly string Team = $"19:{new string('t', 200)}@thread.tacv2";

    private static Pulse Pulse(int answers, bool closed) => new()
    {
        TenantId = "tenant",
        TeamId = Team,
        Id = "0000000000000000001-00000001",
        ConversationId = Team,
        Question = Longest("Question", Core.Listening.Pulse.MaxQuestionLength),
        OpenedAt = At,
        ClosesAt = At.AddDays(7),
        ClosedAt = closed ? At.AddDays(1) : null,
        AnswerCount = answers,
    };

    private static readonly KindnessStatement Statement = new(Longest("Statement", KindnessStatements.MaxLength), "0000000000000000001-00000002", At, 7);

    /// <summary>Every card at its largest (every text at its longest, as many items as a card shows), and at its smallest.</summary>
    public static IEnumerable<CardMessage> Largest(ListeningCards cards, string locale) =>
    [
        cards.AskForm(Team, locale),
        cards.Pulse(Pulse(3, closed: false), At, locale),
        cards.Pulse(Pulse(12, closed: false), At, locale),
        cards.Pulse(Pulse(3, closed: true), At.AddDays(2), locale),
        cards.Pulse(Pulse(12, closed: true), At.AddDays(2), locale),
        cards.AnswerForm(Pulse(0, closed: false), locale),
        .. cards.Results(Pulse(40, closed: true), [.. Enumerable.Range(0, 40).Select(i => new PulseAnswer(Longest("Answer", Core.Listening.Pulse.MaxAnswerLength), i % 3 == 0, i % 3 == 0 ? new string('ŵ', 200) : null, CardSamples.Day))], locale),
        .. cards.Results(Pulse(5, closed: true), [.. Enumerable.Range(0, 5).Select(i => new PulseAnswer($"Answer {i}", false, null, CardSamples.Day))], locale),
        cards.Statement(new StatementView(Team, new string('ŵ', 300), Statement, Leads: true), locale),
        cards.Statement(new StatementView(Team, "Care Team", Statement with { RingsTrue = 2 }, Leads: false), locale),
        cards.Statement(new StatementView(Team, "Care Team", null, Leads: false), locale),
        cards.WriteForm(Team, Statement, [.. Enumerable.Range(0, 30).Select(_ => new StatementSuggestion(Longest("Suggestion", KindnessStatements.MaxSuggestion), CardSamples.Day))], [.. Enumerable.Range(0, 10).Select(_ => Statement)], locale),
        cards.WriteForm(Team, null, [], [], locale),
        cards.SuggestForm(Team, locale),
    ];

    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale) => Largest(services.GetRequiredService<ListeningCards>(), locale);
}
