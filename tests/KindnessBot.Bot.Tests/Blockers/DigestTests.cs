using KindnessBot.Bot.Blockers;
using KindnessBot.Core.Blockers;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Blockers;

/// <summary>
/// The monthly "you said, we did" on a moved clock, over HTTP against Azurite: a leader chooses the day on the team's
/// list, and on that day at nine (the team's zone) the channel gets what changed and what will not change and why,
/// from that month only, once however many sweeps run, and nothing in a month with nothing to say.
/// </summary>
public class DigestTests(BlockerHost world) : IClassFixture<BlockerHost>
{
    private List<SentActivity> Digests() => [.. world.Host.SentTo(TeamsActivities.TeamId).Where(s => s.Method == "POST" && s.CardTitle == "You said, we did")];

    private async Task SaveSettingsAsync(string userId, string day, string zone = "Europe/London")
    {
        var list = await world.ListInChannelAsync("29:lee");
        var settings = list["actions"]!.First(a => (string?)a["type"] == "Action.ShowCard");
        var value = (JObject)settings["card"]!["actions"]![0]!["data"]!.DeepClone();
        value["day"] = day;
        value["zone"] = zone;
        await world.Host.SubmitAsync(value, userId, inChannel: true);
    }

    private async Task SweepAsync()
    {
        await world.Host.Services.GetRequiredService<BlockerDigests>().SweepAsync(default);
        await world.Host.DeliverAsync();
    }

    [Fact]
    public async Task The_digest_comes_on_the_chosen_day_with_only_that_month_s_changes_once_and_not_in_an_empty_month()
    {
        await SaveSettingsAsync("29:p05", "15"); // not a leader: nothing is set
        Assert.Null(await world.Host.Services.GetRequiredService<BlockerDigests>().FindAsync(world.TenantId, TeamsActivities.TeamId, default));
        await SaveSettingsAsync("29:lee", "15");
        Assert.Contains("Each month on day 15 at 09:00 (Europe/London)", (await world.ListInChannelAsync("29:lee")).ToString(), StringComparison.Ordinal);

        const string changed = "Digest: the night bell rings in the wrong room";
        const string notChanging = "Digest: visitors must sign in twice";
        const string open = "Digest: the lift is slow";
        await world.ReportAsync("29:p01", changed);
        await world.ReportAsync("29:p02", notChanging, named: true);
        await world.ReportAsync("29:p03", open);
        await world.RespondAsync("29:lee", changed, "Save", new JObject { ["to"] = "Changed", ["note"] = "The bell is wired to the right room now." });
        await world.RespondAsync("29:lee", notChanging, "Save", new JObject { ["to"] = "NotChanging", ["note"] = "Fire safety needs both." });
        await world.Host.DeliverAsync();

        world.Time.Advance(new DateTimeOffset(2026, 12, 15, 8, 59, 0, TimeSpan.Zero) - world.Time.GetUtcNow());
        await SweepAsync();
        Assert.Empty(Digests());

        world.Time.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(SweepAsync(), SweepAsync()); // two instances at once
        await SweepAsync();

        var digest = Assert.Single(Digests()).Card!.ToString();
        Assert.Contains(changed, digest, StringComparison.Ordinal);
        Assert.Contains("We did: The bell is wired to the right room now.", digest, StringComparison.Ordinal);
        Assert.Contains(notChanging, digest, StringComparison.Ordinal);
        Assert.Contains("Not changing, because: Fire safety needs both.", digest, StringComparison.Ordinal);
        Assert.DoesNotContain(open, digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Person 2", digest, StringComparison.Ordinal);
        Assert.Contains("15 November 2026 to 15 December 2026", digest, StringComparison.Ordinal);

        // A month with nothing changed or answered: nothing is posted.
        world.Time.Advance(TimeSpan.FromDays(31));
        await SweepAsync();
        Assert.Single(Digests());

        // Turned off, nothing more comes.
        await SaveSettingsAsync("29:lee", "0");
        await world.RespondAsync("29:lee", open, "Save", new JObject { ["to"] = "Changed", ["note"] = "A new lift." });
        world.Time.Advance(TimeSpan.FromDays(31));
        await SweepAsync();
        Assert.Single(Digests());
        Assert.Contains("Choose a day", (await world.ListInChannelAsync("29:lee")).ToString(), StringComparison.Ordinal);
    }
}
