using KindnessBot.Bot.Blockers;
using KindnessBot.Core.Blockers;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Blockers;

/// <summary>
/// Blockers end to end over HTTP against Azurite: reported in personal chat (named or anonymous), responded to by the
/// team's leader from the channel's list through a dialog, and every change told to the reporter on the delivery path.
/// </summary>
public class BlockerFlowTests(BlockerHost world) : IClassFixture<BlockerHost>
{
    private static List<string> NewsIn(IEnumerable<SentActivity> chat) =>
        [.. chat.Where(s => s.CardTitle == "News about what you raised").Select(s => string.Join(" | ", s.Card!.SelectTokens("$.body[1:].inlines[0].text").Select(t => (string)t!)))];

    [Fact]
    public async Task An_anonymous_blocker_goes_through_every_status_and_its_reporter_is_told_each_time_without_a_name()
    {
        const string what = "The visiting rota gives families ten minutes' notice";
        await world.ReportAsync("29:p01", what);
        var saved = world.LastCardInChat("29:p01", "Blockers");
        Assert.Contains("without your name", saved.ToString(), StringComparison.Ordinal);

        var list = await world.ListInChannelAsync("29:lee");
        Assert.Contains(what, list.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Person 1", list.ToString(), StringComparison.Ordinal);

        var opened = await world.InvokeAsync("task/fetch", BlockerHost.ButtonOf(list, what), "29:lee");
        var form = opened["task"]!["value"]!["card"]!["content"]!.ToString();
        Assert.Contains("Reported anonymously on 1 December 2026.", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Person 1", form, StringComparison.Ordinal);

        await world.RespondAsync("29:lee", what, "Save", new JObject { ["to"] = "Acknowledged" });
        await world.RespondAsync("29:lee", what, "Save", new JObject { ["to"] = "InProgress" });
        await world.RespondAsync("29:lee", what, "Save", new JObject { ["to"] = "Changed", ["note"] = "   " });
        Assert.Equal(BlockerStatus.InProgress, (await world.FindAsync(what)).Status);
        Assert.Contains("Please say what you did", world.LastCardInChat("29:lee", "Blockers").ToString(), StringComparison.Ordinal);
        await world.RespondAsync("29:lee", what, "Save", new JObject { ["to"] = "Changed", ["note"] = "Families now get a day's notice by text." });
        await world.Host.DeliverAsync();

        Assert.Equal(
            [
                $"{what} | Your team's leaders have seen it and acknowledged it.",
                $"{what} | Your team's leaders are working on it.",
                $"{what} | It has changed. We did: Families now get a day's notice by text.",
            ],
            NewsIn(world.Chat("29:p01")));
        var closed = await world.FindAsync(what);
        Assert.Equal(BlockerStatus.Changed, closed.Status);
        Assert.Null(closed.ReporterId);
        Assert.Contains("We did: Families now get a day's notice by text.", (await world.ListInChannelAsync("29:alex")).ToString(), StringComparison.Ordinal);
        var mine = (await MyReportsAsync("29:p01")).ToString();
        Assert.Contains(what, mine, StringComparison.Ordinal);
        Assert.Contains("changed · anonymous", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_blocker_shows_its_reporter_to_leaders_and_is_told_why_it_will_not_change()
    {
        const string what = "The expenses form needs a manager's signature for a bus fare";
        await world.ReportAsync("29:p02", what, named: true, where: "Policy", affected: "Colleagues", suggestion: "Let us claim under £10 without one.");

        var opened = await world.InvokeAsync("task/fetch", BlockerHost.ButtonOf(await world.ListInChannelAsync("29:lee"), what), "29:lee");
        var form = opened["task"]!["value"]!["card"]!["content"]!.ToString();
        Assert.Contains("Reported by Person 2 on 1 December 2026.", form, StringComparison.Ordinal);
        Assert.Contains("Their suggestion: Let us claim under £10 without one.", form, StringComparison.Ordinal);

        await world.RespondAsync("29:lee", what, "Save", new JObject { ["to"] = "NotChanging", ["note"] = "Audit requires it; we've asked finance to review it next year." });
        await world.Host.DeliverAsync();

        Assert.Equal([$"{what} | It won't change, and here's why: Audit requires it; we've asked finance to review it next year."], NewsIn(world.Chat("29:p02")));
        Assert.Equal("29:p02", (await world.FindAsync(what)).ReporterId);
        Assert.Contains("Not changing, because: Audit requires it", (await world.ListInChannelAsync("29:alex")).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocker_passed_to_another_team_is_new_there_for_its_leaders_and_gone_from_the_first()
    {
        const string what = "The lift to the day room is out of order every other week";
        await world.ReportAsync("29:p03", what, where: "OutsideDependency");

        await world.RespondAsync("29:lee", what, "Pass it on", new JObject { ["toTeam"] = BlockerHost.Estates });
        await world.Host.DeliverAsync();

        Assert.DoesNotContain(what, (await world.ListInChannelAsync("29:lee")).ToString(), StringComparison.Ordinal);
        var there = await world.ListInChannelAsync(BlockerHost.EstatesLeader, BlockerHost.Estates);
        Assert.Contains(what, there.ToString(), StringComparison.Ordinal);
        Assert.Equal(BlockerVerbs.RespondForm, (string?)BlockerHost.ButtonOf(there, what)["dialog"]);
        Assert.Equal(BlockerStatus.New, (await world.FindAsync(what)).Status);
        Assert.Equal(BlockerHost.Estates, (await world.FindAsync(what)).TeamId);
        Assert.Equal([$"{what} | It has been passed to the team whose system it is, and their leaders will look at it."], NewsIn(world.Chat("29:p03")));

        // Lee leads the Care Team, not Estates: from Estates' channel his Respond opens nothing, and a forged move changes nothing.
        var forged = await world.InvokeAsync("task/submit", new JObject { ["verb"] = BlockerVerbs.Move, ["team"] = BlockerHost.Estates, ["blocker"] = (await world.FindAsync(what)).Id, ["to"] = "Acknowledged" }, "29:megan", BlockerHost.Estates);
        Assert.Equal(BlockerStatus.New, (await world.FindAsync(what)).Status);
        Assert.Contains("Only this team's leaders", world.LastCardInChat("29:megan", "Blockers").ToString(), StringComparison.Ordinal);
        Assert.NotNull(forged);
    }

    [Fact]
    public async Task Members_see_no_names_say_it_affects_them_once_and_counts_under_five_say_fewer_than_five()
    {
        const string what = "Night staff can't reach the on-call pharmacist";
        await world.ReportAsync("29:p04", what, named: true);
        var members = new[] { "29:p05", "29:p06", "29:p07", "29:p08" };
        foreach (var member in members.Take(3))
        {
            await world.Host.SubmitAsync(BlockerHost.ButtonOf(await world.ListInChannelAsync(member), what), member, inChannel: true);
        }

        await world.Host.SubmitAsync(BlockerHost.ButtonOf(await world.ListInChannelAsync("29:p05"), what), "29:p05", inChannel: true);
        var four = await world.ListInChannelAsync("29:alex");
        Assert.Contains("affects fewer than five people", four.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Person 4", four.ToString(), StringComparison.Ordinal);
        Assert.Equal("You're counted already: each person counts once.", (string?)world.LastCardInChat("29:p05", "Blockers")["body"]![1]!["inlines"]![0]!["text"]);

        await world.Host.SubmitAsync(BlockerHost.ButtonOf(four, what), members[3], inChannel: true);

        Assert.Equal(5, (await world.FindAsync(what)).AffectsCount);
        Assert.Contains("affects 5 people", (await world.ListInChannelAsync("29:alex")).ToString(), StringComparison.Ordinal);
        Assert.Equal(BlockerVerbs.AffectsMe, (string?)BlockerHost.ButtonOf(await world.ListInChannelAsync("29:alex"), what)["verb"]);
    }

    [Fact]
    public async Task A_member_cannot_open_the_respond_form_or_move_a_blocker_and_the_same_form_sent_twice_stores_one()
    {
        const string what = "The handover sheet has no space for what families asked";
        var sent = await world.ReportAsync("29:p09", what);
        await world.Host.SubmitAsync(sent, "29:p09");
        Assert.Single(await world.RowsAsync(), r => r.GetString("Kind") == "blocker" && r.GetString("What") == what);
        Assert.Contains("I have this one already", world.LastCardInChat("29:p09", "Blockers").ToString(), StringComparison.Ordinal);

        var id = (await world.FindAsync(what)).Id;
        var opened = await world.InvokeAsync("task/fetch", new JObject { ["verb"] = "dialog-open", ["dialog"] = BlockerVerbs.RespondForm, ["team"] = TeamsActivities.TeamId, ["blocker"] = id }, "29:p10");
        Assert.Equal("message", (string?)opened["task"]!["type"]);
        await world.InvokeAsync("task/submit", new JObject { ["verb"] = BlockerVerbs.Move, ["team"] = TeamsActivities.TeamId, ["blocker"] = id, ["to"] = "Acknowledged" }, "29:p10");

        Assert.Equal(BlockerStatus.New, (await world.FindAsync(what)).Status);
        Assert.Contains("Only this team's leaders", world.LastCardInChat("29:p10", "Blockers").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_merged_into_the_one_kept_tells_its_reporter_and_counts_everyone_once_on_the_kept_one()
    {
        const string kept = "Merge: the car park barrier traps visitors";
        const string duplicate = "Merge: visitors get stuck at the car park barrier";
        await world.ReportAsync("29:p05", kept);
        await world.ReportAsync("29:p06", duplicate);
        await world.Host.SubmitAsync(BlockerHost.ButtonOf(await world.ListInChannelAsync("29:p05"), duplicate), "29:p05", inChannel: true); // affects Person 5 too

        var keptId = (await world.FindAsync(kept)).Id;
        await world.RespondAsync("29:lee", duplicate, "Merge", new JObject { ["into"] = keptId });
        await world.Host.DeliverAsync();

        Assert.Equal(BlockerStatus.Merged, (await world.FindAsync(duplicate)).Status);
        Assert.Equal(keptId, (await world.FindAsync(duplicate)).MergedInto);
        Assert.Equal(2, (await world.FindAsync(kept)).AffectsCount); // Person 5 and Person 6, each once
        var list = (await world.ListInChannelAsync("29:alex")).ToString();
        Assert.Contains(kept, list, StringComparison.Ordinal);
        Assert.DoesNotContain(duplicate, list, StringComparison.Ordinal);
        Assert.Equal([$"{duplicate} | Someone raised the same thing, so it's now looked after together with theirs."], NewsIn(world.Chat("29:p06")));
        Assert.Contains("Merged.", world.LastCardInChat("29:lee", "Blockers").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_sent_for_a_team_the_person_is_not_in_is_refused_and_stores_nothing()
    {
        const string what = "Forged: a blocker for a team I'm not in";
        await world.ReportAsync("29:alex", what, team: BlockerHost.Estates);

        Assert.DoesNotContain(await world.RowsAsync(), r => r.GetString("What") == what);
        Assert.Contains("for a team you're in", world.LastCardInChat("29:alex", "Blockers").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_channel_blocker_invites_with_a_button_and_the_form_opens_only_for_whoever_presses_it()
    {
        var before = world.Host.Connector.Sent.Count;
        await world.SayInChannelAsync("blocker", "29:p11");
        var invite = world.Host.Connector.Sent.Skip(before).Single(s => s.CardTitle == "Report a blocker");
        var button = (JObject)invite.Card!["actions"]![0]!["data"]!.DeepClone();
        Assert.Equal("task/fetch", (string?)button["msteams"]!["type"]);
        Assert.DoesNotContain(invite.Card!.SelectTokens("$..type"), t => ((string?)t)?.StartsWith("Input.", StringComparison.Ordinal) == true);

        button.Remove("msteams");
        var opened = await world.InvokeAsync("task/fetch", button, "29:p11");
        var form = (JObject)opened["task"]!["value"]!["card"]!["content"]!;
        Assert.Equal(TeamsActivities.TeamId, (string?)form["actions"]![0]!["data"]!["team"]);
        Assert.Null(form.SelectToken("$.body[?(@.id == 'team')]"));
        Assert.Equal("false", (string?)form.SelectToken("$.body[?(@.id == 'named')].value"));
    }

    private async Task<JObject> MyReportsAsync(string userId)
    {
        await world.SayAsync("my reports", userId);
        return world.LastCardInChat(userId, "Your reports");
    }
}
