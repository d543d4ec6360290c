using KindnessBot.Core.Delivery;
using KindnessBot.Core.Tests.Delivery;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;
using KindnessBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Reflection;

/// <summary>
/// Reflection storage in the shared Azurite. Every test gets tables and queues of its own (a fresh prefix), so
/// queue contents never leak between tests running in parallel.
/// </summary>
public static class ReflectionFixture
{
    public static async Task<ReflectionStorage> NewStorageAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        var storage = new ReflectionStorage(azurite.Account(Azurite.NewTablePrefix()));
        await storage.CreateAllAsync(CancellationToken.None);
        return storage;
    }

    public static ReflectionSchedule Schedule(string tenant, string team, DayOfWeek day, int hour, int minute, string zone, DateTimeOffset createdAt, params Commitment[] commitments) =>
        new ScheduleRequest(tenant, team, team + "-general", day, hour, minute, zone, commitments.Length == 0 ? [Commitment.Reflective] : commitments, "29:leader")
            .Validate(createdAt).Schedule ?? throw new InvalidOperationException("Invalid test schedule");

    public static FakeTimeProvider At(int year, int month, int day, int hour, int minute = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    /// <summary>Every prompt the scheduler handed to the delivery path (read from the wave queue and the outbox; left hidden for 30 s).</summary>
    public static async Task<List<PromptMessage>> PeekAllAsync(DeliveryWorld world)
    {
        var found = new List<PromptMessage>();
        foreach (var queue in world.Storage.Waves)
        {
            var received = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));
            while (received.Value.Length > 0)
            {
                foreach (var message in received.Value)
                {
                    var entry = await world.Outbox.FindAsync(DeliveryRef.FromJson(message.MessageText)!, CancellationToken.None);
                    found.Add(PromptMessage.FromJson(entry!.Request.Payload)!);
                }

                received = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));
            }
        }

        return found;
    }
}
