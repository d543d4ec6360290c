using KindnessBot.Bot.Reflection;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Reflection;

/// <summary>What the leader's summary may show of wellbeing: an average of five or more scores, never a score beside an answer.</summary>
public class SummaryPrivacyTests
{
    private static readonly ReflectionCards Cards = new(new KindnessBot.Bot.Dialogs.Dialogs(Microsoft.Extensions.Options.Options.Create(new KindnessBot.Bot.Dialogs.DialogOptions())));

    private static PromptMessage Prompt()
    {
        var schedule = new ReflectionSchedule
        {
            TenantId = "tenant", TeamId = "19:team", ConversationId = "19:team", Day = DayOfWeek.Monday, LocalTime = new TimeOnly(9, 0), TimeZoneId = "Europe/London",
            Commitments = [Commitment.Reflective], CreatedBy = "29:lee", CreatedByName = "Lee Lead", CreatedAt = DateTimeOffset.UnixEpoch,
        };
        return PromptMessage.For(schedule, ReflectionCalendar.SlotOn(schedule, new DateOnly(2026, 11, 23)));
    }

    private static List<ReflectionAnswer> Answers(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new ReflectionAnswer($"Answer {i}", Wellbeing: i, Anonymous: i != 1, UserId: i == 1 ? "29:megan" : null, UserName: i == 1 ? "Megan Bowen" : null, DateTimeOffset.UnixEpoch))];

    private static string Text(IEnumerable<Bot.Cards.CardMessage> cards) =>
        string.Join('\n', cards.SelectMany(c => JObject.Parse(c.Json).Descendants().OfType<JProperty>().Where(p => p.Name == "text").Select(p => (string?)p.Value)));

    [Fact]
    public void With_four_scores_the_leader_sees_no_score_at_all()
    {
        var text = Text(Cards.ReflectionSummary("Care Team", Prompt(), Answers(4), "en-GB"));

        Assert.DoesNotMatch(@"\b[1-5] of 5\b", text);
        Assert.DoesNotContain("Average wellbeing", text, StringComparison.Ordinal);
        Assert.Contains("Answer 4", text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_five_scores_the_leader_sees_the_average_and_still_no_score_beside_an_answer_named_or_not()
    {
        var text = Text(Cards.ReflectionSummary("Care Team", Prompt(), Answers(5), "en-GB"));

        Assert.Contains("Average wellbeing: 3.0 out of 5, from 5 people.", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b[1-5] of 5\b", text);
        Assert.Equal("Megan Bowen", Assert.Single(text.Split('\n'), line => line.Contains("Megan Bowen", StringComparison.Ordinal)));
        Assert.Equal(4, text.Split('\n').Count(line => line == "Anonymous"));
    }
}
