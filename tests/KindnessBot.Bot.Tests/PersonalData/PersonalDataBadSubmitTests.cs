using KindnessBot.Bot.PersonalData;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.PersonalData;

/// <summary>
/// Card submits are attacker-controlled JSON. For each data-rights verb, a thousand generated bad submits (fields
/// missing, too long, of the wrong type, or forged: another person's confirmation, one for another tenant, a download
/// token, the person's own confirmation altered) by someone with data of their own: never a 5xx, never exception text,
/// and nobody's data changed, theirs included.
/// </summary>
public class PersonalDataBadSubmitTests(TeamHost host) : IClassFixture<TeamHost>
{
    private const int PerVerb = 1000;
    private const string OtherTenant = "99999999-2222-3333-4444-555555555555";

    public static TheoryData<string> Verbs => [PersonalDataVerbs.Erase, PersonalDataVerbs.Keep];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task A_thousand_generated_bad_submits_per_verb_get_no_5xx_and_erase_nobody(string verb)
    {
        var world = new PersonalDataWorld(host);
        var attacker = PersonalDataWorld.NewPerson("Zed");
        var victim = PersonalDataWorld.NewPerson("Yan");
        await world.SeedAsync(attacker, victim, DateTimeOffset.UtcNow);
        await world.SeedAsync(victim, attacker, DateTimeOffset.UtcNow);
        var links = host.Services.GetRequiredService<PersonalDataLinks>();
        var own = links.Confirmation(PersonalDataWorld.TenantId, attacker.Id);
        JToken[] forged =
        [
            links.Confirmation(PersonalDataWorld.TenantId, victim.Id),
            links.Confirmation(OtherTenant, victim.Id),
            links.Confirmation(OtherTenant, attacker.Id),
            Uri.UnescapeDataString(links.DownloadLink(PersonalDataWorld.TenantId, attacker.Id, attacker.Name).Query["?t=".Length..]),
            own[..^3] + "AAA",
            "x" + own,
        ];
        var before = await world.SnapshotAsync();
        var random = new Random(verb.Length * 104729);
        var failures = new List<string>();
        for (var i = 0; i < PerVerb; i++)
        {
            var value = new JObject { ["verb"] = verb, ["confirmation"] = own, ["userId"] = victim.Id, ["tenantId"] = OtherTenant };
            value["confirmation"] = BadSubmits.Corrupt(random, () => forged[random.Next(forged.Length)]);
            if (random.Next(4) == 0)
            {
                value.Remove("confirmation");
            }

            var activity = i % 3 == 0 ? host.Activities.ChannelSubmit(value, attacker.Id) : host.Activities.PersonalSubmit(value, attacker.Id);
            activity["from"]!["name"] = attacker.Name;
            var response = await host.PostAsync(activity);
            if ((int)response.StatusCode >= 500 || (await response.Content.ReadAsStringAsync()).Contains("Exception", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{(int)response.StatusCode} {value.ToString(Newtonsoft.Json.Formatting.None)}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await world.SnapshotAsync());
        Assert.DoesNotContain(host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
    }
}
