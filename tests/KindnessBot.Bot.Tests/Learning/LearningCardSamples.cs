using System.Text;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Learning;
using KindnessBot.Bot.Tests.Cards;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Measures;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Learning;

public sealed class LearningCardSamples : ICardSamples
{
    private static readonly DateTimeOffset Now = new(CardSamples.Day, new TimeOnly(10, 0), TimeSpan.Zero);
    private static readonly Uri Link = new("https://kindnessbot.example.org/learning/chart.png?t=" + new string('x', 400));

    /// <summary>Weeks of every metric, from <paramref name="people"/> people each (some weeks fewer, when <paramref name="someFew"/>).</summary>
    private static List<WeekCounts> Weeks(int weeks, int people, bool someFew)
    {
        var metrics = new[] { Metrics.Recognitions, Metrics.ReflectionPrompts, Metrics.ReflectionAnswers, Metrics.WellbeingScores, Metrics.WellbeingTotal, Metrics.PermissionsIssued, Metrics.PermissionsRead, Metrics.PermissionsUsed, Metrics.DecisionsWithStatement, Metrics.DecisionsWithoutStatement, Metrics.BlockersRaised, Metrics.BlockersChanged, Metrics.BlockersNotChanging, Metrics.ChangeDays(3), Metrics.ChangeDays(40) }
            .Concat(Enum.GetValues<Core.Commitments.Commitment>().Select(Metrics.RecognitionsFor)).ToList();
        var period = DashboardPeriod.Ending(Now, weeks);
        return [.. period.Previous().WeekNames.Concat(period.WeekNames).Select((week, i) => new WeekCounts(
            week,
            metrics.ToDictionary(m => m, m => m == Metrics.WellbeingTotal ? 4L * 123 : 123L),
            metrics.ToDictionary(m => m, m => someFew && i % 5 == 0 ? 3L : people)))];
    }

    public static TeamDashboard Team(int weeks, bool someFew, string scope = "19:team") => DashboardBuilder.Build(scope, DashboardPeriod.Ending(Now, weeks), Weeks(weeks, 40, someFew), 9999);

    private static ConversationRecord Record(int i) => new()
    {
        TenantId = "tenant",
        ConversationId = $"19:{i}{new string('c', 180)}@thread.tacv2",
        TeamId = $"19:{i}{new string('t', 180)}@thread.tacv2",
        TeamName = new string('ŵ', 256),
        Kind = ConversationKind.Channel,
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        ChannelId = "msteams",
        BotId = "28:bot",
    };

    /// <summary>Every card at its largest (the longest names, 12 weeks, every figure, the most teams listed), and at its smallest.</summary>
    public static IEnumerable<CardMessage> Largest(LearningCards cards, string locale) =>
    [
        cards.Dashboard(Team(12, someFew: true), new string('ŵ', 256), Link, isAdmin: true, locale),
        cards.Dashboard(Team(4, someFew: false), "Care Team", Link, isAdmin: false, locale),
        cards.Dashboard(DashboardBuilder.Build("19:team", DashboardPeriod.Ending(Now, 4), [], null), "Care Team", Link, isAdmin: false, locale),
        cards.Organisation(new OrganisationDashboard(Team(12, someFew: false, "*"), [.. Enumerable.Range(0, 40).Select(i => (Record(i), Team(12, someFew: i % 2 == 0)))]), Link, locale),
        cards.Organisation(new OrganisationDashboard(Team(4, someFew: false, "*"), []), Link, locale),
        cards.ChooseTeam([.. Enumerable.Range(0, 60).Select(Record)], isAdmin: true, locale),
        cards.ChooseTeam([Record(1)], isAdmin: false, locale),
        cards.StoryReady(new string('ŵ', 256), DashboardPeriod.Ending(Now, 52), Link, Link, locale),
    ];

    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale) => Largest(services.GetRequiredService<LearningCards>(), locale);
}

/// <summary>Teams refuses a message over about 28 KB: every Learning card at its largest stays under it, the chart being a link.</summary>
public class LearningCardSizeTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public void Every_learning_card_at_its_largest_is_under_Teams_28_KB_limit()
    {
        var sizes = LearningCardSamples.Largest(host.Services.GetRequiredService<LearningCards>(), "en-GB").Select(c => (c.Name, Bytes: Encoding.UTF8.GetByteCount(c.Json))).ToList();

        Assert.All(sizes, card => Assert.True(card.Bytes < 28_000, $"{card.Name}: {card.Bytes} bytes"));
        Assert.Contains(sizes, card => card.Name == "LearningCards.Organisation" && card.Bytes > 10_000);
    }
}
