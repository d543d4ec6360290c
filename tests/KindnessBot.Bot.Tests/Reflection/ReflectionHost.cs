using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Reflection;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Reflection;

/// <summary>
/// The team host on a clock the test moves, with the scheduler and the delivery worker not running on their own: tests
/// run a sweep, the delivery and the follow-up when they choose, through the host's own services.
/// Starts on Monday 30 November 2026, 08:00 UTC (08:00 in London).
/// </summary>
public class ReflectionHost : ClockedTeamHost
{
    public ReflectionHost()
        : this(null)
    {
    }

    /// <param name="services">Test services to add (for example, something that records telemetry).</param>
    protected ReflectionHost(Action<IServiceCollection>? services)
        : this(services, [])
    {
    }

    /// <param name="services">Test services to add.</param>
    /// <param name="settings">Settings to add (for example, turning dialogs off as in the Playground).</param>
    protected ReflectionHost(Action<IServiceCollection>? services, Dictionary<string, string?> settings)
        : base(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), new(settings) { ["Reflection:Background"] = "false" }, services)
    {
    }

    public string TenantId => Host.Activities.TenantId;

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>What the set-up card sends when Lee saves it (the card's inputs merged with the button's data).</summary>
    public static JObject SetUp(string day = "Tuesday", string time = "09:30", string zone = "Europe/London", string commitments = "Reflective,Listening", string openFor = "5") => new()
    {
        ["verb"] = "reflection-setup", ["day"] = day, ["time"] = time, ["zone"] = zone, ["commitments"] = commitments, ["openFor"] = openFor,
    };

    /// <summary>A sweep, then everything it handed to the delivery path delivered by the host's worker.</summary>
    public async Task<SweepResult> SweepAndSendAsync()
    {
        var sweep = await Get<ReflectionScheduler>().SweepAsync(default);
        await Host.DeliverAsync();
        return sweep;
    }

    /// <summary>The follow-up sweep, then the summaries and reports it asked for delivered.</summary>
    public async Task<FollowUpResult> FollowUpAsync()
    {
        var result = await Get<ReflectionFollowUp>().SweepAsync(default);
        await Host.DeliverAsync();
        return result;
    }

    public async Task<List<TableEntity>> AnswerRowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Get<ReflectionStorage>().Answers.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The data of the prompt card's Answer button (which opens the answer form).</summary>
    public static JObject AnswerButton(SentActivity prompt) => (JObject)prompt.Card!["actions"]![0]!["data"]!.DeepClone();

    /// <summary>
    /// The answer the form sends, as its Send button does (the form carries the prompt's team and week, as the Answer
    /// button did), with what the person typed.
    /// </summary>
    public static JObject Answer(SentActivity prompt, string? text, string? wellbeing = null, bool named = false)
    {
        var value = AnswerButton(prompt);
        value.Remove("msteams");
        value.Remove("dialog");
        value["verb"] = ReflectionAnswerVerb;
        if (text is not null)
        {
            value["answer"] = text;
        }

        if (wellbeing is not null)
        {
            value["wellbeing"] = wellbeing;
        }

        value["named"] = named ? "true" : "false";
        return value;
    }

    /// <summary>The bot's last reply in the team channel (replies go to the thread of the message or card they answer).</summary>
    public SentActivity? ReplyInChannel() => Host.Connector.Sent.LastOrDefault(s => s.ConversationId.Split(';')[0] == TeamsActivities.TeamId && s.Method == "POST");

    /// <summary>The team channel's schedule as stored.</summary>
    public Task<ReflectionSchedule?> StoredAsync() => Get<IScheduleStore>().FindAsync(TenantId, TeamsActivities.TeamId, default);

    public const string ReflectionAnswerVerb = "reflection-answer";

    public SentActivity? Prompt() => Host.SentTo(TeamsActivities.TeamId).LastOrDefault(s => s.Method == "POST" && s.CardTitle == "Time to reflect");
}
