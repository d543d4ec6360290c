using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Reflection;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Reflection;

/// <summary>
/// For every reflection verb, a thousand generated bad submits (fields missing, too long, of the wrong type, forged),
/// against a team with reflection set up and a prompt open, half from its leader: never a 5xx, never exception text,
/// the schedule unchanged and no answer stored.
/// </summary>
public class ReflectionBadSubmitTests(ReflectionHost reflection) : IClassFixture<ReflectionHost>
{
    private const int PerVerb = 1000;
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static SentActivity? _prompt;

    private TeamHost Host => reflection.Host;

    public static TheoryData<string> Verbs => ["reflection-setup", "reflection-pause", "reflection-resume", "reflection-skip", "reflection-change", "reflection-answer", "dialog-open"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task A_thousand_generated_bad_submits_get_no_5xx_and_change_nothing(string verb)
    {
        var prompt = await OpenPromptAsync();
        var store = reflection.Get<IScheduleStore>();
        var before = (await store.FindAsync(reflection.TenantId, TeamsActivities.TeamId, default))!;
        var answersBefore = (await reflection.AnswerRowsAsync()).Count;
        var random = new Random(verb.Length * 104729);
        var failures = new List<string>();
        for (var i = 0; i < PerVerb; i++)
        {
            var value = Broken(verb, prompt, random);
            var response = await Host.SubmitAsync(value, i % 2 == 0 ? "29:lee" : "29:p06", inChannel: i % 5 != 0);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || body.Contains("Exception", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{(int)response.StatusCode}: {value.ToString(Newtonsoft.Json.Formatting.None)}");
            }
        }

        Assert.Empty(failures);
        var after = (await store.FindAsync(reflection.TenantId, TeamsActivities.TeamId, default))!;
        Assert.Equal(
            (before.Day, before.LocalTime, before.TimeZoneId, before.Paused, before.SkippedWeek, string.Join(',', before.Commitments), before.OpenFor),
            (after.Day, after.LocalTime, after.TimeZoneId, after.Paused, after.SkippedWeek, string.Join(',', after.Commitments), after.OpenFor));
        Assert.Equal(answersBefore, (await reflection.AnswerRowsAsync()).Count);
        Assert.DoesNotContain(Host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reflection set up by Lee in the channel, and this week's prompt posted.</summary>
    private async Task<SentActivity> OpenPromptAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_prompt is null)
            {
                await Host.SubmitAsync(ReflectionHost.SetUp("Monday", "09:00", "Europe/London"), "29:lee", inChannel: true);
                reflection.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1.5)); // Monday 7 December, 09:30
                await reflection.SweepAndSendAsync();
                _prompt = reflection.Prompt() ?? throw new InvalidOperationException("No prompt was posted.");
            }

            return _prompt;
        }
        finally
        {
            Once.Release();
        }
    }

    private static JObject WithoutTeamsField(JObject data)
    {
        data.Remove("msteams");
        return data;
    }

    /// <summary>A submit for the verb that is wrong in at least one way that must be refused.</summary>
    private static JObject Broken(string verb, SentActivity prompt, Random random)
    {
        var value = verb switch
        {
            "reflection-setup" => ReflectionHost.SetUp(),
            "reflection-answer" => ReflectionHost.Answer(prompt, "Fuzzed answer", "3"),
            "dialog-open" => WithoutTeamsField(ReflectionHost.AnswerButton(prompt)),
            _ => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId },
        };
        var fields = value.Properties().Where(p => p.Name != "verb").Select(p => p.Name).ToList();
        var field = fields[random.Next(fields.Count)];
        value[field] = BadSubmits.Corrupt(random, () => field switch
        {
            // Forged: another team, a week that never was, an unknown zone or commitment, a score off the scale.
            "team" => "19:someone-elses-team@thread.tacv2",
            "week" => "2026-W" + random.Next(53, 99),
            "zone" => "Atlantis/Lost_City",
            "commitments" => "Reflective,Kindliness",
            "day" => "Funday",
            "time" => "24:61",
            "openFor" => "8",
            "wellbeing" => random.Next(2) == 0 ? "0" : "6",
            "named" => "perhaps",
            _ => "   ",
        });
        if (random.Next(4) == 0)
        {
            value.Remove(field);
        }

        // Optional fields whose absence alone is allowed: break the submit for sure elsewhere.
        if (verb == "reflection-answer" && field is "answer" or "wellbeing" or "named")
        {
            value["week"] = "2026-W" + random.Next(53, 99);
        }

        if (verb == "reflection-answer" && field == "answer" && value[field]?.Type == JTokenType.String && ((string)value[field]!).Length > 1000)
        {
            value["wellbeing"] = "3"; // too long: refused for its length
        }

        return value;
    }
}
