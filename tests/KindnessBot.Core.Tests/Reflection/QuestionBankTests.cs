using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Core.Tests.Reflection;

public class QuestionBankTests
{
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_commitment_has_at_least_four_distinct_questions_in_the_resource_file()
    {
        foreach (var commitment in Enum.GetValues<Commitment>())
        {
            var questions = QuestionBank.For(commitment);
            Assert.True(questions.Count >= 4, commitment + " has too few questions");
            Assert.Equal(questions.Count, questions.Select(q => q.Text).Distinct().Count());
        }

        Assert.True(QuestionBank.All.Count() >= 24);
    }

    [Fact]
    public void Questions_are_plain_British_English_questions()
    {
        foreach (var question in QuestionBank.All)
        {
            Assert.EndsWith("?", question.Text, StringComparison.Ordinal);
            Assert.True(question.Text.Length <= 120, question.Key + " is long");
            Assert.DoesNotContain("learned", question.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("ize", question.Text, StringComparison.Ordinal);
        }
    }

    public static TheoryData<Commitment[]> CommitmentSets() => new()
    {
        { new[] { Commitment.Reflective } },
        { new[] { Commitment.Listening, Commitment.Learning } },
        { new[] { Commitment.Systemic, Commitment.Permissive, Commitment.Understanding } },
        { Enum.GetValues<Commitment>() },
    };

    [Theory]
    [MemberData(nameof(CommitmentSets))]
    public void A_team_never_sees_the_same_question_within_six_weeks(Commitment[] commitments)
    {
        foreach (var team in new[] { "19:alpha", "19:beta", "19:gamma@thread.tacv2" })
        {
            var schedule = ReflectionFixture.Schedule("t", team, DayOfWeek.Wednesday, 10, 0, "Europe/London", LongAgo, commitments);
            var asked = Enumerable.Range(0, 160)
                .Select(w => QuestionBank.Pick(schedule, ReflectionCalendar.SlotOn(schedule, new DateOnly(2026, 1, 7).AddDays(7 * w))).Key)
                .ToList();

            for (var i = 0; i < asked.Count; i++)
            {
                for (var j = i + 1; j < Math.Min(asked.Count, i + 6); j++)
                {
                    Assert.NotEqual(asked[i], asked[j]);
                }
            }

            Assert.Equal(commitments.Length * QuestionBank.MinimumPerCommitment, asked.Take(commitments.Length * 6).Distinct().Count());
        }
    }

    [Fact]
    public void Rotation_is_deterministic_and_cycles_through_the_chosen_commitments_in_order()
    {
        var schedule = ReflectionFixture.Schedule("t", "19:team", DayOfWeek.Friday, 15, 0, "Europe/London", LongAgo, Commitment.Listening, Commitment.Learning);
        var weeks = Enumerable.Range(0, 4).Select(w => ReflectionCalendar.SlotOn(schedule, new DateOnly(2026, 12, 4).AddDays(7 * w))).ToList();

        var first = weeks.Select(w => QuestionBank.Pick(schedule, w)).ToList();
        var again = weeks.Select(w => QuestionBank.Pick(schedule, w)).ToList();

        Assert.Equal(first, again);
        Assert.Equal(2, first.Select(q => q.Commitment).Distinct().Count());
        Assert.NotEqual(first[0].Commitment, first[1].Commitment);
        Assert.Equal(first[0].Commitment, first[2].Commitment);
    }
}
