using Azure.Storage.Queues;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Core.Tests.Reflection;

/// <summary>
/// Reflection storage in the shared Azurite. Every test gets tables and queues of its own (a fresh prefix), so
/// queue contents never leak between tests running in parallel.
/// </summary>
public static class ReflectionFixture
{
    public static async Task<ReflectionStorage> NewStorageAsync(int promptQueues = 1)
    {
        var azurite = await SharedAzurite.GetAsync();
        var storage = new ReflectionStorage(azurite.Account(Azurite.NewTablePrefix()), promptQueues);
        await storage.CreateAllAsync(CancellationToken.None);
        return storage;
    }

    public static ReflectionSchedule Schedule(string tenant, string team, DayOfWeek day, int hour, int minute, string zone, DateTimeOffset createdAt, params Commitment[] commitments) =>
        new ScheduleRequest(tenant, team, team + "-general", day, hour, minute, zone, commitments.Length == 0 ? [Commitment.Reflective] : commitments, "29:leader")
            .Validate(createdAt).Schedule ?? throw new InvalidOperationException("Invalid test schedule");

    public static ReflectionScheduler Scheduler(ReflectionStorage storage, TimeProvider time, string instance, ReflectionOptions? options = null) =>
        new(new TableScheduleStore(storage), new SlotStore(storage), storage, options ?? new ReflectionOptions(), time, NullLogger<ReflectionScheduler>.Instance, instance);

    public static FakeTimeProvider At(int year, int month, int day, int hour, int minute = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    /// <summary>Every prompt message currently visible on the queue (left there).</summary>
    public static async Task<List<PromptMessage>> PeekAllAsync(QueueClient queue)
    {
        var found = new List<PromptMessage>();
        var props = await queue.GetPropertiesAsync();
        if (props.Value.ApproximateMessagesCount == 0)
        {
            return found;
        }

        var received = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));
        while (received.Value.Length > 0)
        {
            found.AddRange(received.Value.Select(m => PromptMessage.FromJson(m.MessageText)!));
            received = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));
        }

        return found;
    }
}
