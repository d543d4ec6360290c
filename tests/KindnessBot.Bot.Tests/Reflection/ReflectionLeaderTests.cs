using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Reflection;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Reflection;

/// <summary>A leader skips a week, pauses, resumes and changes the schedule with the status card's buttons; others cannot.</summary>
public class ReflectionLeaderTests(ReflectionHost reflection) : IClassFixture<ReflectionHost>
{
    private TeamHost Host => reflection.Host;

    private static string Channel => TeamsActivities.TeamId;

    private static JObject Button(SentActivity card, string title) =>
        (JObject)card.Card!["actions"]!.Single(a => (string?)a["title"] == title)["data"]!.DeepClone();

    private void MoveTo(int month, int day, int hour, int minute) =>
        reflection.Time.Advance(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero) - reflection.Time.GetUtcNow());

    private int Prompts => Host.Connector.Sent.Count(s => s.Method == "POST" && s.CardTitle == "Time to reflect");

    [Fact]
    public async Task A_leader_skips_a_week_pauses_resumes_and_changes_the_schedule_and_a_member_cannot()
    {
        await Host.SubmitAsync(ReflectionHost.SetUp(), "29:lee", inChannel: true);
        var status = reflection.ReplyInChannel()!;
        Assert.Equal(["Pause", "Skip next week", "Change the schedule"], status.Card!["actions"]!.Select(a => (string)a["title"]!));

        // A member pressing the leader's button (or forging it) is refused, and it is logged.
        await Host.SubmitAsync(Button(status, "Pause"), "29:p06", inChannel: true);
        Assert.Contains("Only a leader", reflection.ReplyInChannel()!.Card!.ToString(), StringComparison.Ordinal);
        Assert.False((await reflection.StoredAsync())!.Paused);
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("reflection-pause", StringComparison.Ordinal));

        // Skip next week: the week of 1 December is recorded as skipped and nothing is posted.
        await Host.SubmitAsync(Button(status, "Skip next week"), "29:lee", inChannel: true);
        Assert.Contains("The one after will be posted on Tuesday 8 December at 09:30 (Europe/London)", reflection.ReplyInChannel()!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal("2026-W49", (await reflection.StoredAsync())!.SkippedWeek);
        MoveTo(12, 1, 9, 31);
        Assert.Equal(1, (await reflection.SweepAndSendAsync()).Skipped);
        Assert.Equal(0, Prompts);
        Assert.Equal(SlotState.Skipped, (await reflection.Get<SlotStore>().FindAsync(reflection.TenantId, Channel, "2026-W49", default))!.State);

        // Pause: the 8 December prompt is not posted.
        await Host.SubmitAsync(Button(status, "Pause"), "29:lee", inChannel: true);
        var paused = reflection.ReplyInChannel()!;
        Assert.Contains("Reflection is paused", paused.Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains(paused.Card!["actions"]!, a => (string?)a["title"] == "Resume");
        MoveTo(12, 8, 9, 31);
        await reflection.SweepAndSendAsync();
        Assert.Equal(0, Prompts);

        // Resume after the time has passed: the missed week is not sent late, the next is the 15th.
        MoveTo(12, 8, 10, 0);
        await Host.SubmitAsync(Button(paused, "Resume"), "29:lee", inChannel: true);
        Assert.Contains("The next prompt will be posted on Tuesday 15 December", reflection.ReplyInChannel()!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, (await reflection.SweepAndSendAsync()).Enqueued);

        // Change: the form comes back filled in with the schedule; a new day, time and zone take effect.
        await Host.SubmitAsync(Button(status, "Change the schedule"), "29:lee", inChannel: true);
        var form = reflection.ReplyInChannel()!.Card!;
        Assert.Contains(form["body"]!, e => (string?)e["id"] == "day" && (string?)e["value"] == "Tuesday");
        Assert.Contains(form["body"]!, e => (string?)e["id"] == "time" && (string?)e["value"] == "09:30");
        await Host.SubmitAsync(ReflectionHost.SetUp("Wednesday", "09:00", "America/New_York", "Permissive"), "29:lee", inChannel: true);
        Assert.Contains("the next prompt will be posted on Wednesday 9 December at 09:00 (America/New_York)", reflection.ReplyInChannel()!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, (await reflection.SweepAndSendAsync()).Enqueued); // not due yet
        MoveTo(12, 9, 14, 1); // 09:01 in New York
        Assert.Equal(1, (await reflection.SweepAndSendAsync()).Enqueued);
        var prompt = Host.Connector.Sent.Single(s => s.Method == "POST" && s.CardTitle == "Time to reflect");
        Assert.Contains("This week's commitment: Permissive", prompt.Card!.ToString(), StringComparison.Ordinal);

        // In personal chat, the leader sees the team's reflection with its buttons.
        await Host.PostAsync(Host.Activities.PersonalMessage("reflection", "29:lee", "Lee Lead"));
        var mine = Host.LastIn(TeamsActivities.PersonalConversationId("29:lee"))!.Card!.ToString();
        Assert.Contains("Prompts are posted on Wednesdays at 09:00 (America/New_York)", mine, StringComparison.Ordinal);
        Assert.Contains("Set up by Lee Lead.", mine, StringComparison.Ordinal);

        // ... and can change it from there: the form's save button carries the team, and it keeps posting in the channel.
        var leeChat = TeamsActivities.PersonalConversationId("29:lee");
        await Host.SubmitAsync(Button(Host.LastIn(leeChat)!, "Change the schedule"), "29:lee");
        var save = (JObject)Host.LastIn(leeChat)!.Card!["actions"]![0]!["data"]!.DeepClone();
        Assert.Equal(TeamsActivities.TeamId, (string?)save["team"]);
        save.Merge(ReflectionHost.SetUp("Wednesday", "10:15", "America/New_York", "Permissive"));
        await Host.SubmitAsync(save, "29:lee");
        Assert.Contains("The schedule is changed", Host.LastIn(leeChat)!.Card!.ToString(), StringComparison.Ordinal);
        var changed = (await reflection.StoredAsync())!;
        Assert.Equal((new TimeOnly(10, 15), TeamsActivities.TeamId), (changed.LocalTime, changed.ConversationId));
    }
}
