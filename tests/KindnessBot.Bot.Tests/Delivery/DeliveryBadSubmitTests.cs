using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Delivery;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Delivery;

/// <summary>
/// "Save my settings" is attacker-controlled JSON like every submit: a thousand generated bad submits (a field missing,
/// too long, of the wrong type, a time that is not one, a pause the card does not offer, an opt-out that is not yes or
/// no), from personal chat, a team channel and another tenant: never a 5xx, never exception text, no settings row written.
/// </summary>
public class DeliveryBadSubmitTests(TeamHost host) : IClassFixture<TeamHost>
{
    private static readonly string[] NotTimes = ["25:00", "18:60", "6pm", "18.00", "-01:00"];
    private static readonly string[] NotPauses = ["3", "52", "-2", "1.5"];

    public static TheoryData<string> Verbs => ["settings-save"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task A_thousand_generated_bad_submits_get_no_5xx_and_write_no_settings(string verb)
    {
        var random = new Random(verb.GetHashCode(StringComparison.Ordinal));
        var otherTenant = new TeamsActivities(host.Connector.ServiceUrl, tenantId: Guid.NewGuid().ToString());
        var fields = new[] { "quietFrom", "quietUntil", "weekendsQuiet", "pauseWeeks", "optout.permissions.reminder" };
        var failures = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var value = Valid(verb);
            var field = fields[random.Next(fields.Length)];
            JToken bad;
            do
            {
                bad = BadSubmits.Corrupt(random, () => field switch
                {
                    "quietFrom" or "quietUntil" => NotTimes[random.Next(NotTimes.Length)],
                    "pauseWeeks" => NotPauses[random.Next(NotPauses.Length)],
                    _ => "yes",
                });
            }
            while (bad is JValue { Type: JTokenType.Boolean } || (field == "pauseWeeks" && bad is JValue { Type: JTokenType.Integer } n && (long)n! is -1 or 0 or 1 or 2 or 4)); // what the card itself may send

            value[field] = bad;
            var response = (i % 4) switch
            {
                0 => await host.SubmitAsync(Valid(verb), "29:p10", inChannel: true), // well-formed, but not in personal chat
                1 => await host.PostAsync(otherTenant.PersonalSubmit(value, "29:admin")),
                _ => await host.SubmitAsync(value, "29:p10"),
            };
            if ((int)response.StatusCode >= 500 || (await response.Content.ReadAsStringAsync()).Contains("Exception", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{(int)response.StatusCode} {value.ToString(Newtonsoft.Json.Formatting.None)}");
            }
        }

        Assert.Empty(failures);
        var rows = new List<TableEntity>();
        await foreach (var row in host.Services.GetRequiredService<DeliveryStorage>().Settings.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        Assert.Empty(rows);
        Assert.DoesNotContain(host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
    }

    private static JObject Valid(string verb) => new()
    {
        ["verb"] = verb, ["quietFrom"] = "18:00", ["quietUntil"] = "08:30", ["weekendsQuiet"] = "true", ["pauseWeeks"] = "0", ["optout.permissions.reminder"] = "true",
    };
}
