using KindnessBot.Bot.Tests.Hosting;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Recognition;

/// <summary>
/// Card submits are attacker-controlled JSON. For every recognition verb, at least a thousand generated bad submits
/// (fields missing, too long, of the wrong type, forged): never a 5xx, never exception text, and nothing stored.
/// </summary>
public class RecognitionBadSubmitTests(TeamHost host) : IClassFixture<TeamHost>
{
    private const int PerVerb = 1000;

    public static TheoryData<string> Verbs => ["recognition-give", "recognition-consent", "my-kindness-page", "appraisal-summary"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task A_thousand_generated_bad_submits_get_no_5xx_and_store_nothing(string verb)
    {
        var random = new Random(verb.Length * 7919);
        var before = await CountRecognitionRowsAsync();
        var failures = new List<string>();
        for (var i = 0; i < PerVerb; i++)
        {
            var value = Broken(verb, random);
            var response = await host.SubmitAsync(value, i % 2 == 0 ? "29:p01" : "29:p02", inChannel: i % 3 == 0);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || body.Contains("Exception", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{(int)response.StatusCode}: {value.ToString(Newtonsoft.Json.Formatting.None)}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await CountRecognitionRowsAsync());
        Assert.DoesNotContain(host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A submit for the verb that is wrong in at least one way that must be refused.</summary>
    private static JObject Broken(string verb, Random random)
    {
        var value = verb switch
        {
            "recognition-give" => TeamHost.Give("29:megan"),
            "recognition-consent" => new JObject { ["verb"] = verb, ["recognition"] = "0000000000000000001-0000abcd", ["decision"] = "share" },
            "my-kindness-page" => new JObject { ["verb"] = verb, ["page"] = 1 },
            _ => new JObject { ["verb"] = verb, ["months"] = "6" },
        };
        var fields = value.Properties().Where(p => p.Name != "verb").Select(p => p.Name).ToList();
        var field = fields[random.Next(fields.Count)];
        value[field] = BadSubmits.Corrupt(random, () => field switch
        {
            // Forged: a stranger, an unknown commitment, another's recognition, a period not offered, a page past the end.
            "recipient" => "29:not-in-any-team-" + random.Next(),
            "commitments" => "Listening,Kindliness",
            "recognition" => "0000000000000000001-" + random.Next(0x10000000, int.MaxValue).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            "months" => "7",
            "page" => 100_000,
            "celebrateIn" => "19:someone-elses-team@thread.tacv2",
            "cardId" => "not-a-card-id",
            _ => "   ",
        });
        if (random.Next(4) == 0)
        {
            value.Remove(field);
        }

        // A submit that happens to stay valid (say, celebrateIn removed) must not be counted as bad: break it for sure.
        if (verb == "recognition-give" && field is "celebrateIn" or "hopeToShare")
        {
            value["recipient"] = "29:self-or-stranger-" + random.Next();
        }

        return value;
    }

    private async Task<int> CountRecognitionRowsAsync()
    {
        var account = host.Services.GetRequiredService<StorageAccount>();
        var count = 0;
        await foreach (var _ in account.Table(Core.Recognition.RecognitionStorage.TableName).QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}
