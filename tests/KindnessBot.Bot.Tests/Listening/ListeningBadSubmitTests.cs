using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Blockers;
using KindnessBot.Core.Listening;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Listening;

/// <summary>
/// For every listening verb, a thousand generated bad submits (fields missing, too long, of the wrong type, forged:
/// another team, an unknown pulse or version, a question not in the bank), half from the team's leader, against an
/// open pulse and a written statement: never a 5xx, never exception text, and not one row of the Listening table written.
/// </summary>
public class ListeningBadSubmitTests(BlockerHost world) : IClassFixture<BlockerHost>
{
    private const int PerVerb = 1000;
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (string Pulse, string Version)? _ids;

    public static TheoryData<string> Verbs => ["pulse-ask", "pulse-send", "pulse-results", "pulse-close", "statement-save", "statement-rings-true", "statement-suggest"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Generated_bad_submits_get_no_5xx_and_write_nothing(string verb)
    {
        var (pulse, version) = await FixturesAsync();
        var before = await SnapshotAsync();
        var random = new Random(verb.Length * 6151);
        var failures = await Blockers.BlockerSubmitRuns.FailuresAsync(world, PerVerb, () => Broken(verb, pulse, version, random), i => i % 3 != 0);

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());
        Assert.DoesNotContain(world.Host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<(string, string)> FixturesAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_ids is null)
            {
                var scope = (await world.Host.Services.GetRequiredService<KindnessBot.Core.Conversations.IConversationStore>().FindAsync(world.TenantId, TeamsActivities.TeamId, default))!;
                var lee = new KindnessBot.Core.People.Person("29:lee", null, "Lee Lead", world.TenantId);
                var (_, pulse) = await world.Host.Services.GetRequiredService<PulseService>().AskAsync(scope, lee, "Fixture: what helps?", 7, default);
                var statements = world.Host.Services.GetRequiredService<KindnessStatements>();
                await statements.WriteAsync(scope, lee, "Fixture: we listen.", default);
                _ids = (pulse!.Id, (await statements.CurrentAsync(world.TenantId, TeamsActivities.TeamId, default))!.Version);
            }

            return _ids.Value;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<List<string>> SnapshotAsync() =>
        [.. (await world.Host.Services.GetRequiredService<ListeningStorage>().Table.QueryAsync<TableEntity>().ToListAsync()).Select(r => $"{r.PartitionKey} {r.RowKey} {r.ETag}").Order(StringComparer.Ordinal)];

    /// <summary>A submit for the verb that is wrong in at least one way that must be refused.</summary>
    private static JObject Broken(string verb, string pulse, string version, Random random)
    {
        var value = verb switch
        {
            "pulse-ask" => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["bank"] = "1", ["days"] = "7" },
            "pulse-send" => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["pulse"] = pulse, ["answer"] = "Fuzzed", ["named"] = "false" },
            "pulse-results" or "pulse-close" => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["pulse"] = pulse },
            "statement-save" => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["statement"] = "Fuzzed" },
            "statement-rings-true" => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["version"] = version },
            _ => new JObject { ["verb"] = verb, ["team"] = TeamsActivities.TeamId, ["suggestion"] = "Fuzzed" },
        };
        var fields = value.Properties().Where(p => p.Name != "verb").Select(p => p.Name).ToList();
        var field = fields[random.Next(fields.Count)];
        value[field] = BadSubmits.Corrupt(random, () => field switch
        {
            "team" => random.Next(2) == 0 ? BlockerHost.Estates : "19:someone-elses-team@thread.tacv2",
            "pulse" or "version" => "0000000000000000001-deadbeef",
            "bank" => random.Next(2) == 0 ? "7" : "0",
            "days" => random.Next(2) == 0 ? "15" : "0",
            "named" => "perhaps",
            _ => "   ",
        });
        if (random.Next(4) == 0)
        {
            value.Remove(field);
        }

        // A missing or null flag is allowed (anonymous): break the submit for sure elsewhere.
        if (field == "named")
        {
            value["team"] = BlockerHost.Estates;
        }

        return value;
    }
}
