using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Blockers;

/// <summary>
/// For every blockers verb, generated bad submits (fields missing, too long, of the wrong type, forged: another team, a
/// team nobody may pass to, an unknown or the same blocker, a move that is not a step, a closing without its note, a day
/// no month has, a zone that does not exist), half
/// from the team's leader: never a 5xx, never exception text, and not one row of the Blockers table written.
/// </summary>
public class BlockerBadSubmitTests(BlockerHost world) : IClassFixture<BlockerHost>
{
    private const int PerVerb = 1000;
    private const string First = "Bad-submit fixture: the rota tool";
    private const string Second = "Bad-submit fixture: the parking permit";
    private static readonly string[] NotSteps = ["Merged", "New", "InProgress", "acknowledged", "1"];
    private static readonly string[] NotDays = ["29", "31", "-1", "fifteen"];
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (string First, string Second)? _ids;

    public static TheoryData<string> Verbs => ["blocker-send", "blocker-move", "blocker-merge", "blocker-pass", "blocker-affects", "blocker-digest"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Generated_bad_submits_get_no_5xx_and_write_nothing(string verb)
    {
        var (first, second) = await BlockersAsync();
        var before = await SnapshotAsync();
        var random = new Random(verb.Length * 7919);
        var failures = await BlockerSubmitRuns.FailuresAsync(world, PerVerb, () => Broken(verb, first, second, random), i => i % 3 == 0);

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());
        Assert.DoesNotContain(world.Host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<(string, string)> BlockersAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_ids is null)
            {
                await world.ReportAsync("29:p01", First);
                await world.ReportAsync("29:p02", Second);
                _ids = ((await world.FindAsync(First)).Id, (await world.FindAsync(Second)).Id);
            }

            return _ids.Value;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<List<string>> SnapshotAsync() =>
        [.. (await world.RowsAsync()).Select(r => $"{r.PartitionKey} {r.RowKey} {r.ETag}").Order(StringComparer.Ordinal)];

    /// <summary>A submit for the verb that is wrong in at least one way that must be refused.</summary>
    private static JObject Broken(string verb, string first, string second, Random random)
    {
        var value = verb switch
        {
            "blocker-send" => new JObject { ["verb"] = verb, ["form"] = Guid.NewGuid().ToString("N"), ["team"] = TeamsActivities.TeamId, ["what"] = "Fuzzed", ["where"] = "Process", ["affected"] = "Me", ["suggestion"] = "An idea", ["named"] = "false" },
            "blocker-move" => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["blocker"] = first, ["to"] = "Acknowledged", ["note"] = "Fine" },
            "blocker-merge" => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["blocker"] = first, ["into"] = second },
            "blocker-pass" => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["blocker"] = first, ["toTeam"] = BlockerHost.Estates },
            "blocker-digest" => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["day"] = "15", ["zone"] = "Europe/London" },
            _ => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["blocker"] = first },
        };
        var fields = value.Properties().Where(p => p.Name != "verb").Select(p => p.Name).ToList();
        var field = fields[random.Next(fields.Count)];
        value[field] = BadSubmits.Corrupt(random, () => field switch
        {
            // Forged: a team this person is not in (or the same team), an unknown or the same blocker, a choice not offered.
            "team" => random.Next(2) == 0 ? BlockerHost.Estates : "19:someone-elses-team@thread.tacv2",
            "blocker" => random.Next(2) == 0 ? "0000000000000000001-deadbeef" : second == first ? "x" : "../" + first,
            "into" => first,
            "toTeam" => random.Next(2) == 0 ? TeamsActivities.TeamId : "19:not-a-team-of-ours@thread.tacv2",
            "to" => NotSteps[random.Next(NotSteps.Length)],
            "what" => new string('w', 1001),
            "where" => "Kindness",
            "affected" => "Everyone",
            "day" => NotDays[random.Next(NotDays.Length)],
            "zone" => "Atlantis/Lost_City",
            _ => "   ",
        });
        if (random.Next(4) == 0)
        {
            value.Remove(field);
        }

        // Fields whose absence or any text alone is allowed: break the submit for sure elsewhere.
        if (verb == "blocker-send" && field is "suggestion" or "named")
        {
            value["where"] = "Kindness";
        }

        if (verb == "blocker-move" && field == "note")
        {
            value["to"] = "Changed"; // a closing needs its note: empty, missing or wrong, it is refused
            if (value[field]?.Type == JTokenType.String && ((string)value[field]!).Trim().Length is > 0 and <= 1000)
            {
                value["note"] = "   ";
            }
        }

        // Only the leader's submits reach the rules; a member's are refused as not a leader's, or counted for
        // "affects me too", which is why that verb's every submit is broken in its ids.
        return value;
    }
}
