using KindnessBot.Core.Tests.Delivery;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Reflection;

public class SchedulerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Created = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_schedulers_on_one_Azurite_over_six_simulated_weeks_enqueue_every_prompt_exactly_once()
    {
        var world = await DeliveryWorld.NewAsync();
        var storage = world.Reflection;
        var store = new TableScheduleStore(storage);
        var zones = new[] { "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata" };
        var schedules = Enumerable.Range(0, 12).Select(i => ReflectionFixture.Schedule(
            "tenant-" + (i % 2), "19:team-" + i, (DayOfWeek)(i % 7), (i * 5) % 24, i % 2 == 0 ? 30 : 0, zones[i % zones.Length], Created,
            Commitment.Reflective, Commitment.Listening)).ToList();
        foreach (var schedule in schedules)
        {
            await store.SaveAsync(schedule, Ct);
        }

        // Starts before London's and New York's autumn changes, ends after.
        var start = Utc(2026, 10, 19, 0);
        var end = start.AddDays(42);
        var time = new FakeTimeProvider(start);
        var a = world.Scheduler(time, "instance-a");
        var b = world.Scheduler(time, "instance-b");
        var lastSweep = start;
        while (time.GetUtcNow() < end)
        {
            lastSweep = time.GetUtcNow();
            await Task.WhenAll(a.SweepAsync(Ct), b.SweepAsync(Ct));
            time.Advance(TimeSpan.FromMinutes(113)); // well inside the late window, at ever-changing minutes
        }

        var enqueued = await ReflectionFixture.PeekAllAsync(world);
        var expected = schedules
            .SelectMany(s => Enumerable.Range(0, 8).Select(w => ReflectionCalendar.SlotOn(s, ReflectionCalendar.LatestSlot(s, start).LocalDate.AddDays(7 * w))).Where(slot => slot.Due > start - TimeSpan.FromHours(12) && slot.Due <= lastSweep).Select(slot => (s.TeamId, slot.Week)))
            .Order()
            .ToList();
        Assert.Equal(expected, enqueued.Select(p => (p.TeamId, p.Week)).Order().ToList());
        Assert.InRange(expected.Count, 66, 84); // 12 teams, six weeks
    }

    [Fact]
    public async Task On_the_fall_back_night_a_London_prompt_at_half_past_one_goes_once_at_the_first_half_past_one()
    {
        var world = await DeliveryWorld.NewAsync();
        var storage = world.Reflection;
        await new TableScheduleStore(storage).SaveAsync(ReflectionFixture.Schedule("t", "19:night", DayOfWeek.Sunday, 1, 30, "Europe/London", Created), Ct);
        var time = new FakeTimeProvider(Utc(2026, 10, 24, 23));
        var scheduler = world.Scheduler(time, "a");
        var enqueuedAt = new List<DateTimeOffset>();
        while (time.GetUtcNow() < Utc(2026, 10, 25, 4))
        {
            if ((await scheduler.SweepAsync(Ct)).Enqueued > 0)
            {
                enqueuedAt.Add(time.GetUtcNow());
            }

            time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal([Utc(2026, 10, 25, 0, 30)], enqueuedAt);
        Assert.Equal(Utc(2026, 10, 25, 0, 30), Assert.Single(await ReflectionFixture.PeekAllAsync(world)).Due);
    }

    [Fact]
    public async Task A_prompt_missed_within_the_late_window_is_sent_late_and_one_beyond_it_is_recorded_as_skipped()
    {
        var world = await DeliveryWorld.NewAsync();
        var storage = world.Reflection;
        var store = new TableScheduleStore(storage);
        await store.SaveAsync(ReflectionFixture.Schedule("t", "19:late", DayOfWeek.Monday, 9, 0, "Europe/London", Created), Ct);
        await store.SaveAsync(ReflectionFixture.Schedule("t", "19:missed", DayOfWeek.Sunday, 18, 0, "Europe/London", Created), Ct);

        // Down from Sunday 17:00 until Monday 20:00 (London is on GMT in late November).
        var time = new FakeTimeProvider(Utc(2026, 11, 23, 20));
        var scheduler = world.Scheduler(time, "a", new ReflectionOptions { LateWindow = TimeSpan.FromHours(12) });
        var first = await scheduler.SweepAsync(Ct);
        time.Advance(TimeSpan.FromHours(1));
        var second = await scheduler.SweepAsync(Ct);

        Assert.Equal(new SweepResult(1, 1, 0), first);
        Assert.Equal(new SweepResult(0, 0, 0), second);
        Assert.Equal("19:late", Assert.Single(await ReflectionFixture.PeekAllAsync(world)).TeamId);
        var skipped = await new SlotStore(storage).FindAsync("t", "19:missed", "2026-W47", Ct);
        Assert.Equal(SlotState.Skipped, skipped?.State);
        Assert.StartsWith("Missed", skipped?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_two_weeks_down_the_earlier_missed_week_is_recorded_too_and_nothing_is_sent_twice()
    {
        var world = await DeliveryWorld.NewAsync();
        var storage = world.Reflection;
        await new TableScheduleStore(storage).SaveAsync(ReflectionFixture.Schedule("t", "19:team", DayOfWeek.Monday, 9, 0, "Europe/London", Created), Ct);
        var time = new FakeTimeProvider(Utc(2026, 11, 16, 10));
        var scheduler = world.Scheduler(time, "a");
        await scheduler.SweepAsync(Ct); // week 47 sent on time

        time.SetUtcNow(Utc(2026, 12, 7, 8)); // back two weeks later, just before week 50's prompt
        var back = await scheduler.SweepAsync(Ct);
        time.SetUtcNow(Utc(2026, 12, 7, 9));
        var due = await scheduler.SweepAsync(Ct);

        Assert.Equal(new SweepResult(0, 2, 0), back); // weeks 48 and 49
        Assert.Equal(new SweepResult(1, 0, 0), due);
        Assert.Equal(["2026-W47", "2026-W50"], (await ReflectionFixture.PeekAllAsync(world)).Select(p => p.Week).Order());
        var slots = new SlotStore(storage);
        Assert.Equal(2, (await slots.ListAsync("t", SlotState.Skipped, Ct)).Count);
    }

    [Fact]
    public async Task A_claim_left_by_a_scheduler_that_stopped_before_enqueueing_is_taken_over_by_exactly_one_other()
    {
        var world = await DeliveryWorld.NewAsync();
        var storage = world.Reflection;
        var schedule = ReflectionFixture.Schedule("t", "19:team", DayOfWeek.Monday, 9, 0, "Europe/London", Created);
        await new TableScheduleStore(storage).SaveAsync(schedule, Ct);
        var due = Utc(2026, 11, 23, 9);
        var prompt = PromptMessage.For(schedule, ReflectionCalendar.LatestSlot(schedule, due));
        Assert.NotNull(await new SlotStore(storage).TryInsertAsync(prompt, SlotState.Claimed, "crashed", due, null, Ct));

        var time = new FakeTimeProvider(due.AddMinutes(1));
        var a = world.Scheduler(time, "a");
        var b = world.Scheduler(time, "b");
        var whileFresh = await a.SweepAsync(Ct);
        time.Advance(TimeSpan.FromMinutes(2));
        var afterTimeout = await Task.WhenAll(a.SweepAsync(Ct), b.SweepAsync(Ct));
        time.Advance(TimeSpan.FromMinutes(5));
        var later = await Task.WhenAll(a.SweepAsync(Ct), b.SweepAsync(Ct));

        Assert.Equal(new SweepResult(0, 0, 1), whileFresh);
        Assert.Equal(1, afterTimeout.Sum(r => r.Enqueued));
        Assert.Equal(0, later.Sum(r => r.Enqueued));
        Assert.Single(await ReflectionFixture.PeekAllAsync(world));
    }

    [Fact]
    public async Task A_paused_schedule_sends_nothing_and_a_skipped_week_is_recorded_as_skipped_by_a_leader()
    {
        var world = await DeliveryWorld.NewAsync();
        var storage = world.Reflection;
        var store = new TableScheduleStore(storage);
        var now = Utc(2026, 11, 20, 12);
        await store.SaveAsync(ReflectionFixture.Schedule("t", "19:paused", DayOfWeek.Monday, 9, 0, "Europe/London", Created) with { Paused = true }, Ct);
        await store.SaveAsync(ReflectionFixture.Schedule("t", "19:skipping", DayOfWeek.Monday, 9, 0, "Europe/London", Created).SkipNextWeek(now), Ct);
        var time = new FakeTimeProvider(Utc(2026, 11, 23, 9, 5));
        var scheduler = world.Scheduler(time, "a");

        var skippedWeek = await scheduler.SweepAsync(Ct);
        time.Advance(TimeSpan.FromDays(7));
        var nextWeek = await scheduler.SweepAsync(Ct);

        Assert.Equal(new SweepResult(0, 1, 0), skippedWeek);
        Assert.Equal(new SweepResult(1, 0, 0), nextWeek);
        Assert.Equal("A leader skipped this week.", (await new SlotStore(storage).FindAsync("t", "19:skipping", "2026-W48", Ct))?.Reason);
        Assert.Equal("19:skipping", Assert.Single(await ReflectionFixture.PeekAllAsync(world)).TeamId);
    }

    [Fact]
    public async Task A_schedule_round_trips_through_the_store()
    {
        var world = await DeliveryWorld.NewAsync();
        var storage = world.Reflection;
        var store = new TableScheduleStore(storage);
        var saved = ReflectionFixture.Schedule("t/1", "19:a#b?c", DayOfWeek.Thursday, 16, 45, "Australia/Sydney", Created, Commitment.Systemic, Commitment.Permissive) with { SkippedWeek = "2026-W50", OpenFor = TimeSpan.FromDays(3) };

        await store.SaveAsync(saved, Ct);
        var found = await store.FindAsync("t/1", "19:a#b?c", Ct);

        Assert.Equal(saved with { Commitments = found!.Commitments }, found);
        Assert.Equal(saved.Commitments, found.Commitments);
    }
}
