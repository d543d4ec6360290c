using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Reflection;

/// <summary>
/// Two bot instances sharing one storage account, each running its own scheduler and prompt worker on the real
/// clock (sweeping every second), while Teams throttles the first posts with 429 and Retry-After.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private static readonly string Secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly string _prefix = Azurite.NewTablePrefix();

    public TeamHost First { get; private set; } = null!;

    public TeamHost Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dictionary<string, string?> Shared() => new()
        {
            ["Storage:TablePrefix"] = _prefix, ["Reflection:AnswerSecret"] = Secret, ["Reflection:SweepInterval"] = "00:00:01",
            ["Delivery:BaseBackoff"] = "00:00:01",
        };
        First = new TeamHost(null, Shared());
        Second = new TeamHost(null, Shared());
        await First.InitializeAsync();
        await Second.InitializeAsync(); // installs again: the team's stored service address is now the second's connector
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
    }
}

public class ReflectionInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task Two_instances_post_a_due_prompt_exactly_once_through_429s_with_retry_after()
    {
        var host = instances.First;
        var now = DateTimeOffset.UtcNow;
        var due = now.AddMinutes(-2);
        var schedule = new ScheduleRequest(host.Activities.TenantId, TeamsActivities.TeamId, TeamsActivities.TeamId, due.DayOfWeek, due.Hour, due.Minute, "Etc/UTC", [Commitment.Reflective], "29:lee")
            .Validate(now.AddHours(-1)).Schedule!;
        var connector = instances.Second.Connector;
        connector.RefuseNext(2, 429, "1");

        await host.Services.GetRequiredService<IScheduleStore>().SaveAsync(schedule, default);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!connector.Sent.Any(s => s.CardTitle == "Time to reflect") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(3000); // long enough for a second post, were there one
        var all = instances.First.Connector.Sent.Concat(connector.Sent).Where(s => s.Method == "POST" && s.CardTitle == "Time to reflect").ToList();
        var week = ReflectionCalendar.WeekOf(DateOnly.FromDateTime(due.UtcDateTime));
        var slot = (await host.Services.GetRequiredService<SlotStore>().FindAsync(host.Activities.TenantId, TeamsActivities.TeamId, week, default))!;
        Assert.True(all.Count == 1, $"{all.Count} posts; refused {connector.Refused}; slot {slot}; logs: {string.Join(" / ", instances.First.Logs.Entries.Concat(instances.Second.Logs.Entries).Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message))}");
        Assert.Equal(2, connector.Refused);
        Assert.Equal(SlotState.Sent, slot.State);
        var delivery = await host.Services.GetRequiredService<Core.Delivery.OutboxStore>().FindAsync(Core.Delivery.DeliveryRef.Of(PromptDelivery.Request(slot.Prompt)), default);
        Assert.Equal((Core.Delivery.DeliveryState.Sent, 3), (delivery?.State, delivery?.Attempts));
    }
}
