using System.Reflection;
using Azure.Data.Tables;
using KindnessBot.Bot.Routing;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Routing;

/// <summary>
/// The verbs that belong to no feature (help, "recognise" from the help card, the audit log's next page) get the same
/// generated bad submits as every feature's verbs; and no verb the bot answers is left without them.
/// </summary>
public class SharedVerbBadSubmitTests(TeamHost host) : IClassFixture<TeamHost>
{
    // Counters and the record of who was seen where change with any turn; every other table must not.
    private static readonly string[] MovingTables = ["Conversations", "Allowances", "Memberships"];

    public static TheoryData<string> Verbs => [KindnessBot.Bot.Routing.Verbs.Help, KindnessBot.Bot.Routing.Verbs.RecogniseStart, "audit-page"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Five_hundred_generated_bad_submits_per_verb_from_a_member_and_another_tenant_get_no_5xx_and_change_nothing(string verb)
    {
        var before = await SnapshotAsync();
        var random = new Random(verb.GetHashCode(StringComparison.Ordinal));
        var otherTenant = new TeamsActivities(host.Connector.ServiceUrl, tenantId: Guid.NewGuid().ToString());
        var failures = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var value = new JObject { ["verb"] = verb, ["before"] = "0000000000000000001-0000abcd", ["scope"] = TeamsActivities.TeamId, ["cardId"] = Guid.NewGuid().ToString("N") };
            var field = random.Next(3) switch { 0 => "before", 1 => "scope", _ => "cardId" };
            value[field] = BadSubmits.Corrupt(random, () => field switch
            {
                "scope" => "19:another-team@thread.tacv2",
                "before" => "9999999999999999999-ffffffff",
                _ => "29:admin",
            });
            var response = (i % 4) switch
            {
                0 => await host.SubmitAsync(value, "29:p09", inChannel: true),
                1 => await host.PostAsync(otherTenant.PersonalSubmit(value, "29:admin")),
                _ => await host.SubmitAsync(value, "29:p09"),
            };
            if ((int)response.StatusCode >= 500 || (await response.Content.ReadAsStringAsync()).Contains("Exception", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{(int)response.StatusCode} {value.ToString(Newtonsoft.Json.Formatting.None)}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());
        Assert.DoesNotContain(host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_verb_the_bot_answers_gets_generated_bad_submits()
    {
        var covered = typeof(SharedVerbBadSubmitTests).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("BadSubmitTests", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Verbs", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<IEnumerable<object[]>>()
            .SelectMany(rows => rows.Select(row => (string)row[0]))
            .ToHashSet(StringComparer.Ordinal);

        var answered = host.Services.GetRequiredService<SubmitRouter>().Verbs;

        Assert.All(answered, v => Assert.Contains(v, covered));
        Assert.True(answered.Count >= 25, $"only {answered.Count} verbs were found: is every feature's module registered?");
    }

    private async Task<List<string>> SnapshotAsync()
    {
        var account = host.Services.GetRequiredService<StorageAccount>();
        var rows = new List<string>();
        foreach (var table in host.Services.GetServices<StorageDeclaration>().Where(d => d.Kind == StorageKind.Table && !MovingTables.Contains(d.Name)))
        {
            await foreach (var row in account.Table(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add($"{table.Name} {row.PartitionKey} {row.RowKey} {row.ETag}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
