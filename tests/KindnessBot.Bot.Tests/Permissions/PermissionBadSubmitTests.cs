using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>
/// Card submits are attacker-controlled JSON. For every permission verb, a thousand generated bad submits (fields
/// missing, too long, of the wrong type, forged) by a member who leads nothing: never a 5xx, never exception text, and
/// nothing changed.
/// </summary>
public class PermissionBadSubmitTests(TeamHost host) : IClassFixture<TeamHost>
{
    private const string Channel = PermissionTurns.Channel;

    public static TheoryData<string> Verbs =>
        ["permission-preview", "permission-post", "permission-read", "permission-used", "permission-revoke", "permission-extend", "flex-record", "flex-log-page", "permissions-page"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task A_thousand_generated_bad_submits_per_verb_get_no_5xx_and_change_nothing(string verb)
    {
        var (statement, _) = await host.PostStatementAsync("Fuzz target for " + verb);
        var store = host.Store();
        var before = (await store.FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!;
        var decisionsBefore = (await store.DecisionsAsync(host.Activities.TenantId, Channel, default)).Count;
        var random = new Random(verb.GetHashCode(StringComparison.Ordinal));
        var failures = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var value = verb switch
            {
                "permission-preview" or "permission-post" => PermissionTurns.Form(verb, "Forged " + i),
                "flex-record" => PermissionTurns.Decision(statement.Key, "x", share: true),
                "flex-log-page" => new JObject { ["verb"] = verb, ["scope"] = Channel, ["page"] = 1 },
                "permissions-page" => new JObject { ["verb"] = verb, ["page"] = 1 },
                _ => new JObject { ["verb"] = verb, ["scope"] = Channel, ["statement"] = statement.Key },
            };
            var fields = value.Properties().Where(p => p.Name != "verb").Select(p => p.Name).ToList();
            var field = fields[random.Next(fields.Count)];
            value[field] = BadSubmits.Corrupt(random, () => field switch
            {
                "scope" or "reliedOn" => "19:another-team@thread.tacv2|" + statement.Key,
                "statement" => "0000000000000000001-0000abcd",
                "from" or "until" => "2026-02-30",
                "cardId" => PermissionTurns.NewCardId().ToUpperInvariant(),
                "page" => 100_000,
                _ => "",
            });
            if (verb == "flex-record" && field == "share")
            {
                value["decided"] = JValue.CreateNull(); // a missing "share" alone is allowed (it means no), so break a required field too
            }

            // Submitted by a member who leads nothing, so even a well-formed leader submit must be refused.
            var response = await host.SubmitAsync(value, "29:p06", inChannel: true);
            if ((int)response.StatusCode >= 500 || (await response.Content.ReadAsStringAsync()).Contains("Exception", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{(int)response.StatusCode} {value.ToString(Newtonsoft.Json.Formatting.None)}");
            }
        }

        Assert.Empty(failures);
        var after = (await store.FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!;
        Assert.Equal((before.Revoked, before.ValidUntil, before.UsedCount), (after.Revoked, after.ValidUntil, after.UsedCount));
        Assert.Equal(decisionsBefore, (await store.DecisionsAsync(host.Activities.TenantId, Channel, default)).Count);
        Assert.DoesNotContain(await store.ListAsync(host.Activities.TenantId, Channel, 500, default), s => s.What.StartsWith("Forged", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
    }
}
