using KindnessBot.Core.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Delivery;

/// <summary>
/// Two weeks on a moved clock for five people in four time zones (London, New York, Kolkata, Sydney), with nudges of
/// two kinds arriving every few hours: the worker is offered every waiting message every two simulated hours, as the
/// queue would offer it again. Quiet hours 18:00-08:30 in each person's own zone, weekends quiet, one nudge a day (the
/// rest folded into the next as a digest), one person paused for the first week and one who turned reminders off.
/// </summary>
public class NudgeSimulationTests
{
    private const string Reminder = "test.reminder";
    private const string News = "test.news";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly (string Id, string Zone)[] People =
    [
        ("29:london", "Europe/London"), ("29:newyork", "America/New_York"), ("29:kolkata", "Asia/Kolkata"),
        ("29:sydney", "Australia/Sydney"), ("29:paused", "Europe/London"),
    ];

    [Fact]
    public async Task Over_two_weeks_nobody_is_nudged_in_quiet_hours_more_than_once_a_day_or_while_paused_and_nothing_is_lost()
    {
        // A quarter past midnight UTC on a Monday, three weeks before now: steps land at a quarter past or to the hour
        // everywhere, never on a quiet-hours boundary.
        var now = TimeProvider.System.GetUtcNow();
        var monday = now.Date.AddDays(-21 - (((int)now.DayOfWeek + 6) % 7));
        var time = new FakeTimeProvider(new DateTimeOffset(monday, TimeSpan.Zero).AddMinutes(15));
        var options = DeliveryWorld.FastOptions();
        options.QuietHours = true;
        options.NudgesPerDay = 1;
        options.DigestLimit = 5;
        options.SendLease = TimeSpan.FromMinutes(1);
        var world = await DeliveryWorld.NewAsync(time: time, options: options);
        var start = time.GetUtcNow();
        foreach (var (id, zone) in People)
        {
            await world.PersonalChatAsync(id, timeZoneId: zone);
        }

        await world.Settings.ChangeAsync(DeliveryWorld.Tenant, "29:paused", s => s with { PausedUntil = start.AddDays(7) }, Ct);
        await world.Settings.ChangeAsync(DeliveryWorld.Tenant, "29:sydney", s => s with { OptedOut = new HashSet<string>(StringComparer.Ordinal) { Reminder } }, Ct);
        var sender = new FakeDeliverySender { Clock = time };
        var worker = world.Worker(sender, "sim");
        var asked = new List<DeliveryRequest>();

        // Every six hours each person gets a nudge: reminders (worth two days) and news (kept until read).
        for (var step = 0; step < (12 * 14) + (12 * 3); step++)
        {
            if (step % 3 == 0 && step < 12 * 14)
            {
                foreach (var (id, _) in People)
                {
                    var kind = step % 2 == 0 ? Reminder : News;
                    var request = new DeliveryRequest(DeliveryWorld.Tenant, $"{kind}|{id}|{step}", kind, Recipient.Person(id), "{}")
                    {
                        Nudge = true,
                        ExpiresAt = kind == Reminder ? time.GetUtcNow().AddDays(2) : null,
                    };
                    await world.Outbox.TryAddAsync(request, time.GetUtcNow(), Ct);
                    asked.Add(request);
                }
            }

            await OfferEverythingWaitingAsync(world, worker, time);
            time.SetUtcNow(start.AddHours(2 * (step + 1)));
        }

        var quiet = new QuietHours(new DeliveryOptions()); // the rules as documented, not as this run was configured
        var settings = new Dictionary<string, NudgeSettings>();
        foreach (var (id, zone) in People)
        {
            settings[id] = await world.Settings.GetAsync(DeliveryWorld.Tenant, id, Ct) with { TimeZoneId = zone };
        }

        var posts = sender.Log.ToList();
        Assert.NotEmpty(posts);
        foreach (var (at, conversation, keys) in posts)
        {
            var person = conversation["a:chat-".Length..];
            var mine = settings[person];
            Assert.True(quiet.NextAllowed(mine with { PausedUntil = null }, at) == at, $"{person} was nudged at {at:u}, inside their quiet hours or weekend ({mine.TimeZoneId})");
            Assert.False(person == "29:paused" && at < start.AddDays(7), $"{person} was nudged at {at:u}, while paused");
        }

        foreach (var day in posts.GroupBy(p => (p.ConversationId, quiet.LocalDay(settings[p.ConversationId["a:chat-".Length..]], p.At))))
        {
            Assert.True(day.Count() == 1, $"{day.Key.ConversationId} got {day.Count()} nudges on {day.Key.Item2}");
        }

        // Nothing lost, nothing twice: every nudge was delivered once, or dropped for a reason (expired, opted out).
        foreach (var request in asked)
        {
            var row = await world.Outbox.FindAsync(DeliveryRef.Of(request), Ct);
            sender.Delivered.TryGetValue(request.TenantId + "|" + request.Key, out var times);
            Assert.True(row is { State: DeliveryState.Sent } && times == 1 || row is { State: DeliveryState.Dropped } && times == 0, $"{request.Key}: {row?.State} ({row?.Reason}), delivered {times} times");
            Assert.False(request.To.Id == "29:sydney" && request.Kind == Reminder && row!.State == DeliveryState.Sent, "a reminder reached someone who turned reminders off");
        }

        Assert.Contains(posts, p => p.Keys.Count > 1); // the day's one nudge carried what waited, as one digest
        Assert.Contains(asked, r => r.To.Id == "29:paused" && r.Kind == Reminder && world.Outbox.FindAsync(DeliveryRef.Of(r), Ct).Result!.State == DeliveryState.Dropped);
        Assert.Contains(asked, r => r.To.Id == "29:paused" && r.Kind == News && r.Key.EndsWith("|3", StringComparison.Ordinal) && world.Outbox.FindAsync(DeliveryRef.Of(r), Ct).Result!.State == DeliveryState.Sent);
    }

    /// <summary>Offers the worker every waiting message (as the queue offers it again once visible), the clock ticking meanwhile so paced sends go.</summary>
    private static async Task OfferEverythingWaitingAsync(DeliveryWorld world, DeliveryWorker worker, FakeTimeProvider time)
    {
        using var done = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                time.Advance(TimeSpan.FromMilliseconds(20));
                await Task.Delay(1);
            }
        });
        try
        {
            foreach (var (id, _) in People)
            {
                foreach (var waiting in await world.Outbox.ForPersonAsync(DeliveryWorld.Tenant, id, DeliveryState.Waiting, Ct))
                {
                    await worker.HandleAsync(world.Storage.Singles, DeliveryWorld.MessageFor(waiting.Request, waiting.EnqueuedAt), Ct);
                }
            }
        }
        finally
        {
            await done.CancelAsync();
            await ticking;
        }
    }
}
