using System.Collections.Concurrent;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Tests.Roles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Reflection;

/// <summary>
/// The reflection service and follow-up against Azurite: concurrent leader changes are all kept (ETags), the answer
/// count on the card is exact under concurrency, and each closed or failed prompt is followed up once by any number
/// of instances.
/// </summary>
public class ReflectionServiceTests
{
    private const string Tenant = "tenant-a";
    private const string Team = "19:team@thread.tacv2";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly ConversationRecord Channel = new()
    {
        TenantId = Tenant, ConversationId = Team, TeamId = Team, TeamName = "Care Team", Kind = ConversationKind.Channel, ServiceUrl = "https://smba.example/", ChannelId = "msteams", BotId = "28:bot",
    };

    private static readonly Person Lee = new("29:lee", null, "Lee Lead", Tenant);

    /// <summary>Records what would be sent to Teams.</summary>
    private sealed class Notifier(bool leaderReachable = true) : IReflectionNotifier
    {
        public ConcurrentQueue<(int Count, bool Closed)> Updates { get; } = new();

        public ConcurrentQueue<int> Summaries { get; } = new();

        public ConcurrentQueue<string?> Failures { get; } = new();

        public Task UpdatePromptAsync(PromptMessage prompt, string activityId, int answerCount, bool closed, CancellationToken cancellationToken)
        {
            Updates.Enqueue((answerCount, closed));
            return Task.CompletedTask;
        }

        public async Task<bool> SendSummaryAsync(ReflectionSchedule schedule, PromptMessage prompt, IReadOnlyList<ReflectionAnswer> answers, CancellationToken cancellationToken)
        {
            await Task.Delay(50, cancellationToken); // a real send takes a moment: other instances must not send meanwhile
            Summaries.Enqueue(answers.Count);
            return leaderReachable;
        }

        public Task ReportFailureAsync(ReflectionSchedule schedule, PromptMessage prompt, string? reason, CancellationToken cancellationToken)
        {
            Failures.Enqueue(reason);
            return Task.CompletedTask;
        }
    }

    private sealed record World(ReflectionStorage Storage, FakeTimeProvider Time, Notifier Notifier, ReflectionService Service, TableScheduleStore Schedules, SlotStore Slots, AnswerStore Answers)
    {
        public ReflectionFollowUp FollowUp() => new(Schedules, Slots, Answers, Notifier, Time, NullLogger<ReflectionFollowUp>.Instance);
    }

    private static async Task<World> WorldAsync(Notifier? notifier = null, params string[] leaders)
    {
        var storage = await ReflectionFixture.NewStorageAsync();
        var time = ReflectionFixture.At(2026, 11, 30, 8);
        notifier ??= new Notifier();
        var schedules = new TableScheduleStore(storage);
        var slots = new SlotStore(storage);
        var answers = new AnswerStore(storage, new AnswerKey(new byte[32]));
        var service = new ReflectionService(schedules, slots, answers, new AnswerService(slots, answers, time), new FixedAuthorisation(leaders.Length == 0 ? ["29:lee"] : leaders), notifier, time);
        return new World(storage, time, notifier, service, schedules, slots, answers);
    }

    private static ScheduleChoice Tuesdays => new(DayOfWeek.Tuesday, 9, 30, "Europe/London", [Commitment.Reflective], 5);

    /// <summary>A prompt for this week, already posted (as a worker leaves it), closing at <paramref name="closesAt"/>.</summary>
    private static async Task<PromptMessage> SentPromptAsync(World world, DateTimeOffset closesAt, SlotState state = SlotState.Sent)
    {
        var schedule = (await world.Service.FindAsync(Channel, Ct))!;
        var slot = ReflectionCalendar.SlotOn(schedule, new DateOnly(2026, 12, 1));
        var prompt = PromptMessage.For(schedule, slot) with { ClosesAt = closesAt };
        var etag = (await world.Slots.TryInsertAsync(prompt, state, "worker", world.Time.GetUtcNow(), state == SlotState.Failed ? "Teams answered 403" : null, Ct))!.Value;
        if (state == SlotState.Sent)
        {
            await world.Slots.TryUpdateAsync(prompt, etag, Ct, ("ActivityId", "activity-1"));
        }

        return prompt;
    }

    [Fact]
    public async Task Only_a_leader_sets_up_reflection_and_a_refusal_stores_nothing()
    {
        var world = await WorldAsync();

        var refused = await world.Service.SetUpAsync(Channel, new Person("29:megan", null, "Megan Bowen", Tenant), Tuesdays, Ct);
        var invalid = await world.Service.SetUpAsync(Channel, Lee, Tuesdays with { TimeZoneId = "Nowhere/Special" }, Ct);

        Assert.Equal(ReflectionRefusal.NotALeader, refused.Refusal);
        Assert.Equal(ReflectionRefusal.Invalid, invalid.Refusal);
        Assert.Null(await world.Service.FindAsync(Channel, Ct));
        Assert.Equal(ReflectionRefusal.NotSetUp, (await world.Service.PauseAsync(Channel, Lee, Ct)).Refusal);
    }

    [Fact]
    public async Task Concurrent_pauses_skips_and_the_schedulers_marks_are_all_kept()
    {
        var world = await WorldAsync();
        await world.Service.SetUpAsync(Channel, Lee, Tuesdays, Ct);
        var handled = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => (i % 3) switch
        {
            0 => world.Service.PauseAsync(Channel, Lee, Ct),
            1 => world.Service.SkipNextAsync(Channel, Lee, Ct),
            _ => world.Schedules.MarkHandledAsync(Tenant, Team, handled, Ct).ContinueWith(_ => ScheduleChange.Refused(ReflectionRefusal.NotSetUp), TaskScheduler.Default),
        }));

        var stored = (await world.Service.FindAsync(Channel, Ct))!;
        Assert.True(stored.Paused);
        Assert.Equal("2026-W49", stored.SkippedWeek);
        Assert.Equal(handled, stored.HandledThrough);
    }

    [Fact]
    public async Task Twenty_people_answering_at_once_show_exactly_twenty_and_a_changed_answer_does_not_count_again()
    {
        var world = await WorldAsync();
        await world.Service.SetUpAsync(Channel, Lee, Tuesdays, Ct);
        var prompt = await SentPromptAsync(world, world.Time.GetUtcNow().AddDays(5));

        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => world.Service.AnswerAsync(
            new AnswerSubmit(Tenant, Team, Team, prompt.Week, $"29:p{i % 20:D2}", $"Person {i % 20}", $"Answer {i}", 3, Anonymous: true), Ct)));

        var slot = (await world.Slots.FindAsync(Tenant, Team, prompt.Week, Ct))!;
        Assert.Equal(20, slot.AnswerCount);
        Assert.Equal(20, world.Notifier.Updates.Max(u => u.Count));
        Assert.True(world.Notifier.Updates.Count <= 20, "the card is updated only when the count rises");
        Assert.Equal(20, await world.Answers.CountAsync(Tenant, new PromptId(Team, prompt.Week), Ct));
    }

    [Fact]
    public async Task A_closed_prompt_is_summarised_once_however_many_instances_follow_up()
    {
        var world = await WorldAsync();
        await world.Service.SetUpAsync(Channel, Lee, Tuesdays, Ct);
        var prompt = await SentPromptAsync(world, world.Time.GetUtcNow().AddHours(1));
        await world.Service.AnswerAsync(new AnswerSubmit(Tenant, Team, Team, prompt.Week, "29:megan", "Megan", "Kind week", 4, Anonymous: true), Ct);

        Assert.Equal(0, (await world.FollowUp().SweepAsync(Ct)).Summaries); // still open
        world.Time.Advance(TimeSpan.FromHours(2));
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.FollowUp().SweepAsync(Ct)));
        var again = await world.FollowUp().SweepAsync(Ct);

        Assert.Equal(1, results.Sum(r => r.Summaries) + again.Summaries);
        Assert.Equal([1], world.Notifier.Summaries);
        Assert.Single(world.Notifier.Updates, u => u.Closed);
    }

    [Fact]
    public async Task A_prompt_that_failed_is_reported_once_and_an_unreachable_leader_is_recorded_once()
    {
        var unreachable = new Notifier(leaderReachable: false);
        var world = await WorldAsync(unreachable);
        await world.Service.SetUpAsync(Channel, Lee, Tuesdays, Ct);
        var failed = await SentPromptAsync(world, world.Time.GetUtcNow().AddDays(5), SlotState.Failed);

        var first = await world.FollowUp().SweepAsync(Ct);
        var second = await world.FollowUp().SweepAsync(Ct);

        Assert.Equal((1, 0), (first.FailuresReported, second.FailuresReported));
        Assert.Equal(["Teams answered 403"], unreachable.Failures);
        Assert.NotNull((await world.Slots.FindAsync(Tenant, Team, failed.Week, Ct))!.FollowedUpAt);
    }

    [Fact]
    public async Task A_summary_the_leader_cannot_receive_is_counted_as_undelivered_once_and_can_be_read_later()
    {
        var world = await WorldAsync(new Notifier(leaderReachable: false));
        await world.Service.SetUpAsync(Channel, Lee, Tuesdays, Ct);
        var prompt = await SentPromptAsync(world, world.Time.GetUtcNow().AddMinutes(1));
        world.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, (await world.FollowUp().SweepAsync(Ct)).Undelivered);
        Assert.Equal(0, (await world.FollowUp().SweepAsync(Ct)).Undelivered);
        var latest = await world.Service.ReadLatestSummaryAsync(Channel, Lee, Ct);
        Assert.Equal(prompt.Week, latest?.Prompt.Week);
        Assert.Null(await world.Service.ReadLatestSummaryAsync(Channel, new Person("29:member", null, "A member", Tenant), Ct));
    }
}
