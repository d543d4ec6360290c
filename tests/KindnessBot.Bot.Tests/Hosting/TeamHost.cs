using KindnessBot.Core.Delivery;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Hosting;

/// <summary>
/// A host with a team the bot is installed in (Alex, Megan, Lee, Sam and twelve more); everyone but Sam has a personal
/// chat with the bot. A small daily limit, so the limit can be reached.
/// </summary>
public sealed class TeamHost : BotHost
{
    private readonly TimeProvider? _time;
    private readonly Action<IServiceCollection>? _services;

    public TeamHost()
        : this(null, null)
    {
    }

    /// <summary>The same host on a clock the test moves, with extra settings.</summary>
    internal TeamHost(TimeProvider? time, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
        : base(Settings(settings, clocked: time is not null)) => (_time, _services) = (time, services);

    private static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra, bool clocked)
    {
        var settings = new Dictionary<string, string?> { ["Recognition:DailyLimit"] = "4", ["Appraisal:PublicBaseUrl"] = "http://127.0.0.1:9/", ["Leaders:Admins:0"] = "29:admin" };
        if (clocked)
        {
            // On a moved clock the worker's waits would wait for the test: tests deliver with DeliverAsync instead.
            settings["Delivery:Background"] = "false";
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        if (_time is not null)
        {
            services.AddSingleton(_time);
        }

        _services?.Invoke(services);
    }

    public static readonly (string Id, string Name)[] Team =
    [
        ("29:alex", "Alex Wilber"), ("29:megan", "Megan Bowen"), ("29:lee", "Lee Lead"), ("29:sam", "Sam Newcomer"),
        .. Enumerable.Range(1, 12).Select(i => ($"29:p{i:D2}", $"Person {i}")),
    ];

    /// <summary>Everyone but Sam has a personal chat with the bot.</summary>
    public static IEnumerable<string> WithPersonalChat => Team.Select(t => t.Id).Where(id => id != "29:sam");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Connector.SetMembers(TeamsActivities.TeamId, Activities.TenantId, Team);
        Connector.SetMembers(TeamsActivities.GroupChatId, Activities.TenantId, Team[0], Team[1]);
        await PostAsync(Activities.BotAddedToTeam("29:lee"));
        foreach (var person in WithPersonalChat)
        {
            await PostAsync(Activities.BotAddedToPersonal(person));
        }
    }

    /// <summary>The recognition card's submit, as Teams sends it: the button's data merged with the inputs.</summary>
    public static JObject Give(string recipient, string what = "Stayed late to help a lost family, and made them tea.", string commitments = "Listening,Reflective", string? cardId = null, string? celebrateIn = null, bool share = true)
    {
        var value = new JObject
        {
            ["verb"] = "recognition-give",
            ["cardId"] = cardId ?? Guid.NewGuid().ToString("N"),
            ["recipient"] = recipient,
            ["what"] = what,
            ["commitments"] = commitments,
            ["hopeToShare"] = share ? "true" : "false",
        };
        if (celebrateIn is not null)
        {
            value["celebrateIn"] = celebrateIn;
        }

        return value;
    }

    /// <summary>A card submit by a member of the team, with their name, in their personal chat or in the team channel.</summary>
    public Task<HttpResponseMessage> SubmitAsync(JObject value, string userId, bool inChannel = false)
    {
        var activity = inChannel ? Activities.ChannelSubmit(value, userId) : Activities.PersonalSubmit(value, userId);
        activity["from"]!["name"] = Team.Single(t => t.Id == userId).Name;
        return PostAsync(activity);
    }

    /// <summary>
    /// Delivers everything the delivery path has due now, with the host's own worker, until the queues hold nothing
    /// visible (at most 30 s); on a moved clock the clock ticks meanwhile, so paced sends are not stuck.
    /// </summary>
    public async Task DeliverAsync()
    {
        var storage = Services.GetRequiredService<DeliveryStorage>();
        var worker = Services.GetRequiredService<DeliveryWorker>();
        using var done = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested && _time is FakeTimeProvider fake)
            {
                fake.Advance(TimeSpan.FromMilliseconds(25));
                await Task.Delay(5);
            }
        });
        try
        {
            await Within.Async(TimeSpan.FromSeconds(30), DrainAsync(storage, worker), "Delivering everything due");
        }
        finally
        {
            await done.CancelAsync();
            await ticking;
        }
    }

    /// <summary>
    /// Until what the delivery path was asked to deliver has arrived (bounded): delivered now on a moved clock, waited
    /// for while the host's own worker delivers it otherwise.
    /// </summary>
    public async Task UntilDeliveredAsync(Func<Task<bool>> arrived, string what)
    {
        if (_time is FakeTimeProvider)
        {
            await DeliverAsync();
        }

        await Within.UntilAsync(TimeSpan.FromSeconds(15), arrived, what);
    }

    /// <summary>The first thing sent that matches, once delivered (bounded).</summary>
    public async Task<SentActivity> DeliveredAsync(Func<SentActivity, bool> match, string what)
    {
        await UntilDeliveredAsync(() => Task.FromResult(Connector.Sent.Any(match)), what);
        return Connector.Sent.First(match);
    }

    private static async Task DrainAsync(DeliveryStorage storage, DeliveryWorker worker)
    {
        var handled = true;
        while (handled)
        {
            handled = false;
            foreach (var queue in storage.AllQueues)
            {
                for (var received = await queue.ReceiveMessagesAsync(32); received.Value.Length > 0; received = await queue.ReceiveMessagesAsync(32))
                {
                    foreach (var message in received.Value)
                    {
                        await worker.HandleAsync(queue, message, default);
                        handled = true;
                    }
                }
            }
        }
    }

    public IReadOnlyList<SentActivity> SentTo(string conversationId) => [.. Connector.Sent.Where(s => s.ConversationId == conversationId)];

    public SentActivity? LastIn(string conversationId) => SentTo(conversationId) is { Count: > 0 } sent ? sent[^1] : null;
}
