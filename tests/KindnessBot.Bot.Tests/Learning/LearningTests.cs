using Azure.Data.Tables;
using KindnessBot.Bot.Learning;
using KindnessBot.Bot.Tests.Blockers;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Learning;

/// <summary>
/// The Learning commitment end to end over HTTP against Azurite, on a clock the test moves. In one week five people
/// recognise a colleague in Estates and four in the Care Team; a blocker is changed. The next week each leader asks
/// "how are we doing": five shows, four is withheld, and the admin's view withholds Estates' figure too (the total less
/// Estates would be the Care Team's four). The story opens only for its leader, shows people's words as text, and
/// "rebuild aggregates" finds the kept counts equal to the raw rows, and says so when they are not.
/// </summary>
public sealed class LearningTests(LearningHost world) : IClassFixture<LearningHost>
{
    private const string Script = "<script>alert('kind')</script> Held the door & <b>smiled</b>";
    private const string Outcome = "Rotas now go out a week ahead <img src=x onerror=alert(1)>";
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    /// <summary>The week's events, then the clock moved into the next week (the dashboard shows whole weeks before this one).</summary>
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }

            foreach (var giver in LearningHost.EstatesGivers)
            {
                await world.GiveInChannelAsync(giver, "29:megan", BlockerHost.Estates);
            }

            foreach (var giver in LearningHost.CareGivers)
            {
                await world.GiveInChannelAsync(giver, "29:megan", TeamsActivities.TeamId, giver == "29:p06" ? Script : $"Kind words from {giver}");
            }

            await world.Host.DeliverAsync();
            await world.ShareAsync("29:megan", Script);
            await world.ReportAsync("29:alex", "Rotas come too late to plan care around families.");
            await world.RespondAsync("29:lee", "Rotas come too late", "Save", new JObject { ["to"] = "Changed", ["note"] = Outcome });
            await world.Host.DeliverAsync();
            await world.CountedAsync();
            world.Time.Advance(TimeSpan.FromDays(7));
            _seeded = true;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<JObject> DashboardAsync(string leader, string team, string teamName)
    {
        await world.SayInChannelAsync("how are we doing", leader, team);
        return world.LastSaying(leader, $"How {teamName} is doing");
    }

    [Fact]
    public async Task Five_people_show_four_are_withheld_and_the_admin_cannot_work_out_the_four_by_subtracting()
    {
        await SeedAsync();

        var estates = await DashboardAsync(BlockerHost.EstatesLeader, BlockerHost.Estates, "Estates");
        Assert.Equal("5  (before: 0)", LearningHost.Fact(estates, "Recognitions given"));
        Assert.Equal("5  (before: 0)", LearningHost.Fact(estates, "… for Listening"));
        Assert.Equal("0  (before: 0)", LearningHost.Fact(estates, "… for Learning"));
        Assert.Contains("The 4 weeks from", estates.ToString(), StringComparison.Ordinal);

        var care = await DashboardAsync("29:lee", TeamsActivities.TeamId, "Care Team");
        Assert.Equal("not shown  (before: 0)", LearningHost.Fact(care, "Recognitions given"));
        Assert.Equal("not shown  (before: 0)", LearningHost.Fact(care, "… for Learning")); // one part withheld withholds them all
        Assert.Equal("not shown  (before: 0)", LearningHost.Fact(care, "Blockers raised")); // one reporter
        Assert.Equal("1  (before: 0)", LearningHost.Fact(care, "Blockers changed")); // a leader's public act
        Assert.Contains("fewer than five people were behind it", care.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(world.Host.SentTo(TeamsActivities.TeamId), s => s.Card?.ToString().Contains("is doing", StringComparison.Ordinal) == true); // only in the leader's own chat

        await world.AdminSaysAsync("how are we doing");
        var choice = world.Host.SentTo(TeamsActivities.PersonalConversationId("29:admin"))[^1].Card!;
        var whole = (JObject)choice["actions"]!.Single(a => (string?)a["title"] == "Whole organisation")["data"]!;
        await world.Host.PostAsync(world.Host.Activities.PersonalSubmit(whole, "29:admin"));
        var organisation = world.Host.SentTo(TeamsActivities.PersonalConversationId("29:admin"))[^1].Card!;
        Assert.Contains("How the whole organisation is doing", organisation.ToString(), StringComparison.Ordinal);
        Assert.Equal("9  (before: 0)", LearningHost.Fact(organisation, "Recognitions given"));
        Assert.Equal("not shown  (before: 0)", LearningHost.Fact(organisation, "Recognitions given", "Estates"));
        Assert.Equal("not shown  (before: 0)", LearningHost.Fact(organisation, "Recognitions given", "Care Team"));
    }

    [Fact]
    public async Task The_twelve_weeks_button_and_the_chart_show_the_same_weeks_and_a_member_who_does_not_lead_sees_nothing()
    {
        await SeedAsync();
        var estates = await DashboardAsync(BlockerHost.EstatesLeader, BlockerHost.Estates, "Estates");
        var twelve = (JObject)estates["actions"]!.Single(a => (string?)a["title"] == "Last 12 weeks")["data"]!;
        await world.Host.PostAsync(BlockerHost.InTeam(world.Host.Activities.ChannelSubmit(twelve, BlockerHost.EstatesLeader), BlockerHost.Estates));
        var longer = world.LastSaying(BlockerHost.EstatesLeader, "The 12 weeks from");
        Assert.Equal("5  (before: 0)", LearningHost.Fact(longer, "Recognitions given"));

        var chart = new Uri((string)longer.SelectToken("$..[?(@.type == 'Image')].url")!);
        var png = await world.Host.Client.GetAsync(chart.PathAndQuery);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await world.Host.Client.GetAsync(chart.PathAndQuery[..^3] + "AAA")).StatusCode);

        var before = world.Chat("29:p01").Count;
        await world.SayInChannelAsync("how are we doing", "29:p01", BlockerHost.Estates);
        Assert.Contains("Only the team's leaders see how the team is doing", world.Chat("29:p01").Skip(before).Single().Card!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_story_opens_for_its_leader_shows_what_people_wrote_as_text_and_is_refused_tampered_for_someone_else_or_late()
    {
        await SeedAsync();
        var care = await DashboardAsync("29:lee", TeamsActivities.TeamId, "Care Team");
        var press = (JObject)care["actions"]!.Single(a => (string?)a["title"] == "Story of change")["data"]!;
        await world.Host.SubmitAsync(press, "29:lee", inChannel: true);
        var ready = world.LastSaying("29:lee", "The story of change for Care Team");
        var story = new Uri((string)ready["actions"]![0]!["url"]!);
        var csv = new Uri((string)ready["actions"]![1]!["url"]!);

        var page = await world.Host.Client.GetAsync(story.PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'none'", string.Join(' ', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("Care Team: our story of change", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;kind&#39;)&lt;/script&gt; Held the door &amp; &lt;b&gt;smiled&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Rotas now go out a week ahead &lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Kind words from 29:p07", html, StringComparison.Ordinal); // kept private by its recipient
        Assert.Contains("<svg", html, StringComparison.Ordinal);

        var figures = await (await world.Host.Client.GetAsync(csv.PathAndQuery)).Content.ReadAsStringAsync();
        Assert.StartsWith("section,figure,key,from,to,value,shown\r\n", figures, StringComparison.Ordinal);
        Assert.Contains(",recognitions,", figures, StringComparison.Ordinal);
        Assert.Contains(",no (fewer than five people)", figures, StringComparison.Ordinal);
        Assert.DoesNotContain("Kind words", figures, StringComparison.Ordinal);

        // Someone who does not lead the team: refused on pressing, and a link made for them (as if forged) is refused on opening.
        var before = world.Chat("29:p01").Count;
        await world.Host.SubmitAsync(press, "29:p01", inChannel: true);
        Assert.Contains("Only the team's leaders", world.Chat("29:p01").Skip(before).Single().Card!.ToString(), StringComparison.Ordinal);
        var links = world.Host.Services.GetRequiredService<LearningLinks>();
        var theirs = links.Story(new StoryGrant(world.TenantId, "29:p01", TeamsActivities.TeamId, 4));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await world.Host.Client.GetAsync(theirs.PathAndQuery)).StatusCode);
        var token = Uri.UnescapeDataString(story.Query[3..]);
        var tampered = "/story-of-change?t=" + Uri.EscapeDataString(token.Replace("29:lee", "29:p01", StringComparison.Ordinal)[..^2] + "AA");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await world.Host.Client.GetAsync(tampered)).StatusCode);

        world.Time.Advance(LearningLinks.StoryLifetime + TimeSpan.FromMinutes(1));
        var late = await world.Host.Client.GetAsync(story.PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_aggregates_finds_the_kept_counts_equal_to_the_raw_rows_and_sets_right_a_count_that_is_not()
    {
        await SeedAsync();
        await world.AdminSaysAsync("rebuild aggregates");
        string Said() => (string)world.Host.SentTo(TeamsActivities.PersonalConversationId("29:admin"))[^1].Card!["body"]![1]!["inlines"]![0]!["text"]!;
        Assert.Contains("the kept counts agreed", Said(), StringComparison.Ordinal);

        var table = world.Host.Services.GetRequiredService<StorageAccount>().Table(LearningStorage.TableName);
        var week = AggregateKeys.Week(world.Time.GetUtcNow().AddDays(-7));
        var row = (await table.GetEntityAsync<TableEntity>(AggregateKeys.Partition(world.TenantId, BlockerHost.Estates), AggregateKeys.WeekRow(week))).Value;
        row[AggregateKeys.CountOf("recognitions")] = 6L;
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        await world.AdminSaysAsync("rebuild aggregates");
        Assert.Contains("1 kept counts differed, and are now set right.", Said(), StringComparison.Ordinal);
        Assert.EndsWith($", {week} recognitions count: stored 6, events make 5", Said(), StringComparison.Ordinal); // a team by number, never its id
        await world.AdminSaysAsync("rebuild aggregates");
        Assert.Contains("the kept counts agreed", Said(), StringComparison.Ordinal);

        await world.SayAsync("rebuild aggregates", "29:lee");
        Assert.Contains("Only an org admin", world.Chat("29:lee")[^1].Card!.ToString(), StringComparison.Ordinal);
    }
}
