using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Core.Tests.Reflection;

public class ScheduleValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static ScheduleRequest Request(string? zone = "Europe/London", int hour = 9, int minute = 0, IReadOnlyList<Commitment>? commitments = null) =>
        new("tenant", "19:team", "19:team", DayOfWeek.Monday, hour, minute, zone, commitments ?? [Commitment.Listening, Commitment.Reflective], "29:leader");

    [Fact]
    public void A_sound_request_becomes_a_schedule_open_for_five_days_by_default()
    {
        var result = Request("Australia/Sydney", 17, 30).Validate(Now);

        Assert.True(result.IsValid);
        Assert.Equal((new TimeOnly(17, 30), "Australia/Sydney", TimeSpan.FromDays(5), Now), (result.Schedule!.LocalTime, result.Schedule.TimeZoneId, result.Schedule.OpenFor, result.Schedule.CreatedAt));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_time_zone_is_refused_with_a_kind_reason(string? zone)
    {
        var result = Request(zone).Validate(Now);

        Assert.Equal([ScheduleProblem.UnknownTimeZone], result.Problems);
        Assert.Contains("time zone", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24, 0)]
    [InlineData(-1, 0)]
    [InlineData(9, 60)]
    public void An_impossible_time_is_refused(int hour, int minute)
    {
        Assert.Equal([ScheduleProblem.ImpossibleTime], Request(hour: hour, minute: minute).Validate(Now).Problems);
    }

    [Fact]
    public void No_commitments_is_refused_and_every_problem_is_reported_at_once()
    {
        var result = Request("Nowhere/Else", 25, 0, []).Validate(Now);

        Assert.False(result.IsValid);
        Assert.Equal([ScheduleProblem.UnknownTimeZone, ScheduleProblem.ImpossibleTime, ScheduleProblem.NoCommitments], result.Problems);
        Assert.All(result.Messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
    }

    [Fact]
    public void A_commitment_listed_twice_is_cycled_once()
    {
        var schedule = Request(commitments: [Commitment.Learning, Commitment.Learning, Commitment.Systemic]).Validate(Now).Schedule!;

        Assert.Equal([Commitment.Learning, Commitment.Systemic], schedule.Commitments);
    }

    [Fact]
    public void An_unknown_commitment_number_is_refused()
    {
        Assert.Equal([ScheduleProblem.UnknownCommitment], Request(commitments: [(Commitment)42]).Validate(Now).Problems);
    }
}
