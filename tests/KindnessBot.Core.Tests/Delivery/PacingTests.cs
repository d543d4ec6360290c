using KindnessBot.Core.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Delivery;

public class PacingTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Two_instances_claiming_send_slots_concurrently_never_share_one_and_keep_them_a_spacing_apart()
    {
        var storage = (await DeliveryWorld.NewAsync()).Storage;
        var options = new DeliveryOptions { AppCeilingPerSecond = 50, MaxClaimAhead = TimeSpan.FromHours(1) };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var a = new FleetSendPacer(storage, options, time);
        var b = new FleetSendPacer(storage, options, time);

        async Task<List<DateTimeOffset>> ClaimMany(FleetSendPacer pacer)
        {
            var all = new List<DateTimeOffset>();
            for (var i = 0; i < 12; i++)
            {
                all.AddRange(await pacer.ClaimAsync("tenant", 1 + (i % 8), Ct));
            }

            return all;
        }

        var claimed = (await Task.WhenAll(ClaimMany(a), ClaimMany(b), ClaimMany(a), ClaimMany(b))).SelectMany(s => s).Order().ToList();

        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.All(claimed.Zip(claimed.Skip(1)), pair => Assert.True(pair.Second - pair.First >= options.SendSpacing));
    }

    [Fact]
    public async Task Two_instances_sending_as_fast_as_they_can_stay_under_the_ceiling_in_every_second()
    {
        var storage = (await DeliveryWorld.NewAsync()).Storage;
        var options = new DeliveryOptions { AppCeilingPerSecond = 100 };
        var a = new FleetSendPacer(storage, options, TimeProvider.System);
        var b = new FleetSendPacer(storage, options, TimeProvider.System);
        var sentAt = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset>();

        async Task Send(FleetSendPacer pacer)
        {
            await pacer.WaitForSlotAsync("tenant", Ct);
            sentAt.Add(TimeProvider.System.GetUtcNow());
        }

        await Task.WhenAll(Enumerable.Range(0, 75).SelectMany(_ => new[] { Send(a), Send(b) }));

        var times = sentAt.Order().ToList();
        var busiest = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.Equal(150, times.Count);
        Assert.InRange(busiest, 80, 100);
    }

    [Fact]
    public async Task A_conversation_gets_at_most_seven_messages_a_second_eight_in_two_and_sixty_in_thirty_across_instances()
    {
        var storage = (await DeliveryWorld.NewAsync()).Storage;
        var a = new ConversationPacer(storage);
        var b = new ConversationPacer(storage);
        var start = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        var firstSecond = new List<bool>();
        for (var i = 0; i < 8; i++)
        {
            firstSecond.Add(await (i % 2 == 0 ? a : b).TryReserveAsync("t", "19:chat", start.AddMilliseconds(i * 100), Ct) is null);
        }

        var eighthInTwoSeconds = await a.TryReserveAsync("t", "19:chat", start.AddMilliseconds(1500), Ct);
        var ninthInTwoSeconds = await b.TryReserveAsync("t", "19:chat", start.AddMilliseconds(1800), Ct);

        Assert.Equal([true, true, true, true, true, true, true, false], firstSecond);
        Assert.Null(eighthInTwoSeconds);
        Assert.NotNull(ninthInTwoSeconds);
        Assert.Null(await a.TryReserveAsync("t", "19:other-chat", start.AddMilliseconds(1800), Ct));

        var allowed = 0;
        for (var i = 0; i < 100; i++)
        {
            allowed += await a.TryReserveAsync("t", "19:busy", start.AddMilliseconds(i * 290), Ct) is null ? 1 : 0;
        }

        Assert.Equal(60, allowed); // 100 tries spread over 29 s: only 60 fit in 30 s
    }
}
