using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Blockers;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Learning;

/// <summary>
/// For every Learning verb, a thousand generated bad submits (fields missing, too long, of the wrong type, forged:
/// another team, a period the dashboard does not offer), half from the team's leader: never a 5xx, never exception
/// text, no link made, and not one row of the Aggregates table written.
/// </summary>
public class LearningBadSubmitTests(BlockerHost world) : IClassFixture<BlockerHost>
{
    private const int PerVerb = 1000;

    public static TheoryData<string> Verbs => ["learning-dashboard", "learning-organisation", "learning-story"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Generated_bad_submits_get_no_5xx_and_show_or_write_nothing(string verb)
    {
        var before = await SnapshotAsync();
        var sent = world.Host.Connector.Sent.Count;
        var random = new Random(verb.Length * 7919);
        var failures = await BlockerSubmitRuns.FailuresAsync(world, PerVerb, () => Broken(verb, random), i => i % 3 != 0);

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());
        var answers = world.Host.Connector.Sent.Skip(sent).Select(s => s.Activity.ToString()).ToList();
        Assert.DoesNotContain(answers, a => a.Contains("Exception", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(answers, a => a.Contains("story-of-change", StringComparison.Ordinal) || a.Contains("chart.png", StringComparison.Ordinal));
    }

    private async Task<List<string>> SnapshotAsync() =>
        [.. (await world.Host.Services.GetRequiredService<StorageAccount>().Table(LearningStorage.TableName).QueryAsync<TableEntity>().ToListAsync()).Select(r => $"{r.PartitionKey} {r.RowKey} {r.ETag}").Order(StringComparer.Ordinal)];

    /// <summary>A submit for the verb that is wrong in at least one way that must be refused.</summary>
    private static JObject Broken(string verb, Random random)
    {
        var value = verb == "learning-organisation"
            ? new JObject { ["verb"] = verb, ["weeks"] = "4" }
            : new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["weeks"] = "4" };
        var fields = value.Properties().Where(p => p.Name != "verb").Select(p => p.Name).ToList();
        var field = fields[random.Next(fields.Count)];
        value[field] = BadSubmits.Corrupt(random, () => field switch
        {
            "team" => random.Next(2) == 0 ? BlockerHost.Estates : "19:someone-elses-team@thread.tacv2",
            _ => random.Next(3) switch { 0 => "5", 1 => "53", _ => "-4" },
        });
        if (random.Next(4) == 0)
        {
            value.Remove(field);
        }

        return value;
    }
}
