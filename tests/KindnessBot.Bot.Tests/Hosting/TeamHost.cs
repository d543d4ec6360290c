using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
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
        : base(Settings(settings)) => (_time, _services) = (time, services);

    private static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?> { ["Recognition:DailyLimit"] = "4", ["Appraisal:PublicBaseUrl"] = "http://127.0.0.1:9/", ["Leaders:Admins:0"] = "29:admin" };
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

    public IReadOnlyList<SentActivity> SentTo(string conversationId) => [.. Connector.Sent.Where(s => s.ConversationId == conversationId)];

    public SentActivity? LastIn(string conversationId) => SentTo(conversationId) is { Count: > 0 } sent ? sent[^1] : null;
}
