using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Leaders;

/// <summary>
/// Card submits are attacker-controlled JSON. For each leaders verb, a thousand generated bad submits (fields missing,
/// too long, of the wrong type, forged: another team, another tenant's member, a guest) by a member who leads nothing,
/// and five hundred by the team's leader with forged people: never a 5xx, never exception text, and the leaders row
/// is not written at all.
/// </summary>
public class LeaderBadSubmitTests(LeaderHost host) : IClassFixture<LeaderHost>
{
    public static TheoryData<string> Verbs => ["leaders-add", "leaders-remove"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Generated_bad_submits_per_verb_get_no_5xx_and_change_nothing(string verb)
    {
        var before = (await host.RowAsync())!.ETag;
        var random = new Random(verb.GetHashCode(StringComparison.Ordinal));
        var failures = new List<string>();
        foreach (var (submitter, count) in new[] { ("29:p06", 1000), ("29:lee", 500) })
        {
            for (var i = 0; i < count; i++)
            {
                // A leader's submit is well-formed but names someone who may not change: a forged, foreign or guest id
                // to add, someone who does not lead (or Lee, the last leader) to remove.
                var person = submitter == "29:lee"
                    ? (verb == "leaders-add" ? new[] { LeaderHost.Outsider, LeaderHost.Guest, "29:nobody", "29:lee" } : ["29:alex", "29:nobody", "29:lee"])[random.Next(verb == "leaders-add" ? 4 : 3)]
                    : "29:megan";
                var value = new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["person"] = person };
                var field = random.Next(3) == 0 && submitter == "29:lee" ? null : (random.Next(2) == 0 ? "team" : "person");
                if (field is not null)
                {
                    value[field] = BadSubmits.Corrupt(random, () => field == "team"
                        ? random.Next(2) == 0 ? "19:another-team@thread.tacv2" : TeamsActivities.TeamId.ToUpperInvariant()
                        : new[] { LeaderHost.Outsider, LeaderHost.Guest, "29:alex\u200b", "29:MEGAN" }[random.Next(4)]);
                }

                var response = await host.SubmitInChannelAsync(value, submitter, submitter == "29:lee" ? "Lee Lead" : "Person 6");
                if ((int)response.StatusCode >= 500 || (await response.Content.ReadAsStringAsync()).Contains("Exception", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{(int)response.StatusCode} {value.ToString(Newtonsoft.Json.Formatting.None)}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, (await host.RowAsync())!.ETag);
        Assert.Equal(["29:lee"], await host.LeaderIdsAsync());
        Assert.DoesNotContain(host.Host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
    }
}
