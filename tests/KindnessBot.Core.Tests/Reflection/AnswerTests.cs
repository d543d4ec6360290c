using System.Security.Cryptography;
using Azure.Data.Tables;
using KindnessBot.Core.Reflection;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Reflection;

public class AnswerTests
{
    private const string Tenant = "tenant-1";
    private const string Team = "19:care-team";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    private sealed record Setup(ReflectionStorage Storage, AnswerService Service, AnswerStore Answers, FakeTimeProvider Time, string Week);

    private static async Task<Setup> SentPromptAsync()
    {
        var storage = await ReflectionFixture.NewStorageAsync();
        var schedule = ReflectionFixture.Schedule(Tenant, Team, DayOfWeek.Monday, 9, 0, "Europe/London", new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var due = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var prompt = PromptMessage.For(schedule, ReflectionCalendar.LatestSlot(schedule, due));
        var slots = new SlotStore(storage);
        await slots.TryInsertAsync(prompt, SlotState.Sent, "a", due, null, Ct);
        await slots.TryUpdateAsync(prompt, Azure.ETag.All, Ct, ("ActivityId", "activity-1"));
        var time = new FakeTimeProvider(due.AddHours(3));
        var answers = new AnswerStore(storage, new AnswerKey(Secret));
        return new Setup(storage, new AnswerService(slots, answers, time), answers, time, prompt.Week);
    }

    private static AnswerSubmit Submit(string week, string user = "29:megan", bool anonymous = true, string text = "Tired but hopeful.", int? wellbeing = 3) =>
        new(Tenant, Team, Team, week, user, "Megan Bowen", text, wellbeing, anonymous);

    private static async Task<List<TableEntity>> RowsAsync(ReflectionStorage storage)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in storage.Answers.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task An_anonymous_answer_is_stored_with_no_user_id_or_name_anywhere_in_its_entity()
    {
        var s = await SentPromptAsync();

        Assert.Equal(AnswerResult.Saved, await s.Service.SubmitAsync(Submit(s.Week), Ct));

        var row = Assert.Single(await RowsAsync(s.Storage));
        var everything = string.Join("\n", row.Select(p => $"{p.Key}={p.Value}")) + row.PartitionKey + row.RowKey;
        Assert.DoesNotContain("megan", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bowen", everything, StringComparison.Ordinal);
        Assert.False(row.ContainsKey("UserId"));
        Assert.Null(Assert.Single(await s.Answers.ListAsync(Tenant, new PromptId(Team, s.Week), Ct)).UserId);
    }

    [Fact]
    public async Task A_person_can_change_their_answer_and_going_anonymous_removes_their_name()
    {
        var s = await SentPromptAsync();

        var first = await s.Service.SubmitAsync(Submit(s.Week, anonymous: false), Ct);
        var second = await s.Service.SubmitAsync(Submit(s.Week, anonymous: true, text: "Better after a walk.", wellbeing: 4), Ct);

        Assert.Equal((AnswerResult.Saved, AnswerResult.Updated), (first, second));
        var row = Assert.Single(await RowsAsync(s.Storage));
        Assert.Equal(("Better after a walk.", 4, false), (row.GetString("Text"), row.GetInt32("Wellbeing"), row.ContainsKey("UserName")));
    }

    [Fact]
    public async Task An_answer_can_be_changed_ten_times_and_the_eleventh_change_is_refused_and_keeps_the_last_one()
    {
        var s = await SentPromptAsync();
        Assert.Equal(AnswerResult.Saved, await s.Service.SubmitAsync(Submit(s.Week, text: "First thoughts."), Ct));

        var changes = new List<AnswerResult>();
        for (var i = 1; i <= AnswerService.MaxChanges + 1; i++)
        {
            changes.Add(await s.Service.SubmitAsync(Submit(s.Week, text: $"Change {i}."), Ct));
        }

        Assert.Equal([.. Enumerable.Repeat(AnswerResult.Updated, AnswerService.MaxChanges), AnswerResult.TooManyChanges], changes);
        Assert.Equal($"Change {AnswerService.MaxChanges}.", Assert.Single(await RowsAsync(s.Storage)).GetString("Text"));
    }

    [Fact]
    public async Task Concurrent_changes_of_one_answer_cannot_pass_the_limit_together()
    {
        var s = await SentPromptAsync();
        await s.Service.SubmitAsync(Submit(s.Week, text: "First thoughts."), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => s.Service.SubmitAsync(Submit(s.Week, text: $"Change {i}."), Ct)));

        Assert.Equal(AnswerService.MaxChanges, results.Count(r => r == AnswerResult.Updated));
        Assert.Equal(20 - AnswerService.MaxChanges, results.Count(r => r == AnswerResult.TooManyChanges));
    }

    [Fact]
    public async Task A_named_answer_keeps_the_name_for_the_summary()
    {
        var s = await SentPromptAsync();

        await s.Service.SubmitAsync(Submit(s.Week, anonymous: false), Ct);

        var answer = Assert.Single(await s.Answers.ListAsync(Tenant, new PromptId(Team, s.Week), Ct));
        Assert.Equal(("29:megan", "Megan Bowen", false), (answer.UserId, answer.UserName, answer.Anonymous));
    }

    [Fact]
    public void The_answer_key_differs_by_prompt_person_and_secret_and_is_stable_otherwise()
    {
        var key = new AnswerKey(Secret);
        var week48 = new PromptId(Team, "2026-W48");

        Assert.Equal(key.For(Tenant, week48, "29:megan"), key.For(Tenant, week48, "29:megan"));
        Assert.NotEqual(key.For(Tenant, week48, "29:megan"), key.For(Tenant, week48, "29:alex"));
        Assert.NotEqual(key.For(Tenant, week48, "29:megan"), key.For(Tenant, new PromptId(Team, "2026-W49"), "29:megan"));
        Assert.NotEqual(key.For(Tenant, week48, "29:megan"), new AnswerKey(RandomNumberGenerator.GetBytes(32)).For(Tenant, week48, "29:megan"));
        Assert.Throws<ArgumentException>(() => new AnswerKey(new byte[16]));
    }

    [Fact]
    public async Task Answers_to_an_unknown_closed_or_other_teams_prompt_and_bad_values_are_refused_and_store_nothing()
    {
        var s = await SentPromptAsync();

        Assert.Equal(AnswerResult.UnknownPrompt, await s.Service.SubmitAsync(Submit("2026-W40"), Ct));
        Assert.Equal(AnswerResult.NotThisTeam, await s.Service.SubmitAsync(Submit(s.Week) with { TeamId = "19:another-team" }, Ct));
        Assert.Equal(AnswerResult.TooLong, await s.Service.SubmitAsync(Submit(s.Week, text: new string('a', 1001)), Ct));
        Assert.Equal(AnswerResult.WellbeingOutOfRange, await s.Service.SubmitAsync(Submit(s.Week, wellbeing: 6), Ct));
        Assert.Equal(AnswerResult.Empty, await s.Service.SubmitAsync(Submit(s.Week, text: "  ", wellbeing: null), Ct));
        s.Time.Advance(TimeSpan.FromDays(5));
        Assert.Equal(AnswerResult.Closed, await s.Service.SubmitAsync(Submit(s.Week), Ct));

        Assert.Empty(await RowsAsync(s.Storage));
    }

    [Fact]
    public void The_wellbeing_average_is_shown_only_when_at_least_five_people_gave_a_score()
    {
        static ReflectionAnswer Answer(int? score) => new("", score, true, null, null, DateTimeOffset.UnixEpoch);

        var four = WellbeingSummary.Of([Answer(1), Answer(2), Answer(5), Answer(4), Answer(null), Answer(null)]);
        var five = WellbeingSummary.Of([Answer(1), Answer(2), Answer(5), Answer(4), Answer(4)]);

        Assert.Equal(new WellbeingSummary(6, 4, null), four);
        Assert.Equal(new WellbeingSummary(5, 5, 3.2), five);
    }
}
