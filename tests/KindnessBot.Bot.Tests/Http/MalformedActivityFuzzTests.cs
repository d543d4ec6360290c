using KindnessBot.Bot.Tests.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Http;

/// <summary>
/// Thousands of generated, broken activities, built by breaking valid ones at random (with a fixed seed, so a
/// failure can be replayed): fields removed, replaced with the wrong type, made huge, or filled with control
/// characters. None may get a 5xx, make a turn fail, or draw a reply that carries exception text.
/// </summary>
public class MalformedActivityFuzzTests(BotHost host) : IClassFixture<BotHost>
{
    private const int Count = 1500;

    [Fact]
    public async Task Generated_malformed_activities_never_get_a_5xx_or_exception_text()
    {
        var random = new Random(20261126);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Count; i++)
        {
            var activity = Template(random, i);
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                Mutate(activity, random);
            }

            var response = await host.PostAsync(activity);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                var json = activity.ToString(Newtonsoft.Json.Formatting.None);
                failures.Add($"{status}: {json[..Math.Min(600, json.Length)]}");
            }

            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains("Exception", StringComparison.OrdinalIgnoreCase) || body.Contains("   at ", StringComparison.Ordinal))
            {
                failures.Add($"exception text in response: {body[..Math.Min(300, body.Length)]}");
            }
        }

        Assert.Empty(failures);
        Assert.DoesNotContain(host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);

        // The generator must reach the bot, not only the gate: some activities are processed and some refused.
        Assert.True(statuses.GetValueOrDefault(200) > Count / 10, $"statuses: {string.Join(", ", statuses)}");
        Assert.True(statuses.GetValueOrDefault(400) > Count / 10, $"statuses: {string.Join(", ", statuses)}");
    }

    private JObject Template(Random random, int i)
    {
        var user = "29:fuzz-" + (i % 50);
        return random.Next(7) switch
        {
            0 => host.Activities.PersonalMessage("help", user),
            1 => host.Activities.ChannelMessage("help", user),
            2 => host.Activities.GroupMessage("hello", user),
            3 => host.Activities.PersonalSubmit(new JObject { ["verb"] = "help" }, user),
            4 => host.Activities.PersonalExecute("help", userId: user),
            5 => host.Activities.BotAddedToTeam(user),
            _ => host.Activities.ChannelEvent("channelRenamed", "19:fuzz-" + (i % 7) + "@thread.tacv2", "Renamed"),
        };
    }

    private static void Mutate(JObject activity, Random random)
    {
        var tokens = activity.DescendantsAndSelf().OfType<JProperty>().ToList();
        if (tokens.Count == 0)
        {
            return;
        }

        var target = tokens[random.Next(tokens.Count)];
        switch (random.Next(6))
        {
            case 0:
                target.Remove();
                break;
            case 1:
                target.Value = WrongType(random);
                break;
            case 2:
                target.Value = new string((char)random.Next('a', 'z'), random.Next(200, 3000));
                break;
            case 3:
                target.Value = "x\u0000\u0007\u001b" + random.Next();
                break;
            case 4:
                target.Value = JValue.CreateNull();
                break;
            default:
                target.Value = new JObject { ["id"] = WrongType(random), ["name"] = WrongType(random), ["type"] = WrongType(random) };
                break;
        }
    }

    private static JToken WrongType(Random random) => random.Next(6) switch
    {
        0 => new JValue(random.Next()),
        1 => new JValue(random.Next(2) == 0),
        2 => new JArray(1, "two", new JObject()),
        3 => new JObject { ["nested"] = new JObject { ["deeper"] = new JArray() } },
        4 => new JValue(random.NextDouble() * 1e300),
        _ => new JValue(string.Empty),
    };
}
