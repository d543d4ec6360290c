using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Reflection;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Reflection;

/// <summary>
/// Weekly reflection end to end over HTTP, the way Teams calls the bot, against Azurite, with a fake Teams connector
/// and a clock the test moves: a leader sets it up in the channel, the prompt is posted when due, members answer in
/// the card, the card counts answers (never names), and the leader receives the summary when it closes.
/// </summary>
public class ReflectionFlowTests(ReflectionHost reflection) : IClassFixture<ReflectionHost>
{
    private TeamHost Host => reflection.Host;

    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    private static string Channel => TeamsActivities.TeamId;

    [Fact]
    public async Task A_week_of_reflection_from_set_up_to_the_leaders_summary()
    {
        // Lee, who installed the bot in the team, asks in the channel: the form comes with his Teams time zone filled in.
        var ask = Host.Activities.ChannelMessage("reflection", "29:lee", "Lee Lead");
        ask["localTimezone"] = "Europe/London";
        await Host.PostAsync(ask);
        var form = reflection.ReplyInChannel()!;
        Assert.Equal("Weekly reflection", form.CardTitle);
        Assert.Contains(form.Card!["body"]!, e => (string?)e["id"] == "zone" && (string?)e["value"] == "Europe/London");

        await Host.SubmitAsync(ReflectionHost.SetUp(), "29:lee", inChannel: true);
        var status = reflection.ReplyInChannel()!.Card!.ToString();
        Assert.Contains("the first prompt will be posted on Tuesday 1 December at 09:30 (Europe/London)", status, StringComparison.Ordinal);
        var schedule = (await reflection.StoredAsync())!;
        Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(9, 30), "Europe/London", "29:lee"), (schedule.Day, schedule.LocalTime, schedule.TimeZoneId, schedule.CreatedBy));

        // Not yet due: nothing is posted.
        Assert.Equal(0, (await reflection.SweepAndSendAsync()).Enqueued);
        Assert.Null(reflection.Prompt());

        // Tuesday 09:31 in London: the prompt is posted in the channel, once.
        reflection.Time.Advance(new DateTimeOffset(2026, 12, 1, 9, 31, 0, TimeSpan.Zero) - reflection.Time.GetUtcNow());
        var swept = await reflection.SweepAndSendAsync();
        Assert.True(swept.Enqueued == 1, $"{swept} at {reflection.Time.GetUtcNow()} {await reflection.StoredAsync()}");
        Assert.Equal(0, (await reflection.SweepAndSendAsync()).Enqueued);
        var prompt = Assert.Single(Host.SentTo(Channel), s => s.CardTitle == "Time to reflect");
        Assert.Contains("No one has answered yet", prompt.Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Open until Sunday 6 December, 09:30 (Europe/London).", prompt.Card!.ToString(), StringComparison.Ordinal);
        var slot = (await reflection.Get<SlotStore>().FindAsync(reflection.TenantId, Channel, "2026-W49", default))!;
        Assert.Equal(SlotState.Sent, slot.State);

        // Members answer in the card. Anonymous unless they tick the box; each new answer updates the count in place.
        var putsBefore = Host.SentTo(Channel).Count(s => s.Method == "PUT");
        await Host.SubmitAsync(ReflectionHost.Answer(prompt, "A hard week; the team carried me.", "2"), "29:p01", inChannel: true);
        await Host.SubmitAsync(ReflectionHost.Answer(prompt, "We listened to a worried customer for an hour.", "3"), "29:p02", inChannel: true);
        await Host.SubmitAsync(ReflectionHost.Answer(prompt, "Quiet and kind.", "4"), "29:p03", inChannel: true);
        await Host.SubmitAsync(ReflectionHost.Answer(prompt, "I said thank you more often.", "5", named: true), "29:p04", inChannel: true);
        await Host.SubmitAsync(ReflectionHost.Answer(prompt, "No score from me, just gratitude."), "29:p05", inChannel: true);
        await Host.SubmitAsync(ReflectionHost.Answer(prompt, "First week here; everyone said hello.", "4"), "29:sam", inChannel: true);
        await Host.SubmitAsync(ReflectionHost.Answer(prompt, "Better by Friday, thank you.", "3"), "29:p01", inChannel: true); // changes her answer

        var updates = Host.SentTo(Channel).Where(s => s.Method == "PUT").Skip(putsBefore).ToList();
        Assert.All(updates, u => Assert.Equal(slot.ActivityId, u.ReplyToId));
        Assert.Contains("6 people have reflected so far.", updates[^1].Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(6, updates.Count); // the changed answer did not count again
        Assert.All(updates, u => Assert.DoesNotContain("Person", u.Card!.ToString(), StringComparison.Ordinal));

        // Thanks go privately to the person's own chat; Sam has none, so his is a reply in the channel that names no one.
        Assert.Contains("saved anonymously", Host.LastIn(Chat("29:p02"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains("saved with your name", Host.LastIn(Chat("29:p04"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains("your answer is updated", Host.LastIn(Chat("29:p01"))!.Card!.ToString(), StringComparison.Ordinal);
        var samReply = reflection.ReplyInChannel()!;
        Assert.Equal("Your reflection", samReply.CardTitle);
        Assert.DoesNotContain("Sam", samReply.Card!.ToString(), StringComparison.Ordinal);

        // Nothing in storage says who gave an anonymous answer; the named one carries its name.
        var rows = await reflection.AnswerRowsAsync();
        Assert.Equal(6, rows.Count);
        Assert.Single(rows, r => r.GetString("UserName") == "Person 4");
        foreach (var anonymous in rows.Where(r => r.GetBoolean("Anonymous") == true))
        {
            var everything = string.Join("|", anonymous.Select(p => $"{p.Key}={p.Value}"));
            Assert.DoesNotContain("29:", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Person", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Sam", everything, StringComparison.Ordinal);
        }

        // Still open on Saturday; closed on Sunday at 09:30 (five days).
        reflection.Time.Advance(TimeSpan.FromDays(4));
        Assert.Equal(0, (await reflection.FollowUpAsync()).Summaries);
        reflection.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await reflection.FollowUpAsync()).Summaries);
        Assert.Equal(0, (await reflection.FollowUpAsync()).Summaries); // once, however often it sweeps

        var closed = Host.SentTo(Channel).Last(s => s.Method == "PUT");
        Assert.Contains("This reflection has closed", closed.Card!.ToString(), StringComparison.Ordinal);
        Assert.Null(closed.Card!["actions"]);
        var summary = Host.SentTo(Chat("29:lee")).Single(s => s.Card?.ToString().Contains("Reflection summary", StringComparison.Ordinal) == true).Card!.ToString();
        Assert.Contains("Reflection summary: Care Team", summary, StringComparison.Ordinal);
        Assert.Contains("6 people answered.", summary, StringComparison.Ordinal);
        Assert.Contains("Average wellbeing: 3.8 out of 5, from 5 people.", summary, StringComparison.Ordinal);
        Assert.Contains("Better by Friday, thank you.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("A hard week", summary, StringComparison.Ordinal); // replaced by her change
        Assert.Contains("Person 4", summary, StringComparison.Ordinal);
        foreach (var anonymous in new[] { "Person 1", "Person 2", "Person 3", "Person 5", "Sam" })
        {
            Assert.DoesNotContain(anonymous, summary, StringComparison.Ordinal);
        }

        // Asked for in personal chat, the summary is shown to the leader again, and that reading is in the audit log.
        await Host.PostAsync(Host.Activities.PersonalMessage("reflection", "29:lee", "Lee Lead"));
        Assert.Contains("Better by Friday, thank you.", Host.LastIn(Chat("29:lee"))!.Card!.ToString(), StringComparison.Ordinal);
        var audit = await reflection.Get<KindnessBot.Core.Audit.IAuditLog>().ReadAsync(reflection.TenantId, null, 50, default);
        var read = Assert.Single(audit.Entries, e => e.Action == KindnessBot.Core.Audit.AuditAction.SummaryRead);
        Assert.Equal(("29:lee", Channel, "2026-W49"), (read.ActorId, read.ScopeId, read.Subject));

        // After closing, answers are refused kindly and nothing is stored.
        await Host.SubmitAsync(ReflectionHost.Answer(prompt, "Late, sorry!", "4"), "29:p06", inChannel: true);
        Assert.Contains("has closed", Host.LastIn(Chat("29:p06"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(6, (await reflection.AnswerRowsAsync()).Count);

        // The next Tuesday brings the next question, not the same one.
        reflection.Time.Advance(new DateTimeOffset(2026, 12, 8, 9, 31, 0, TimeSpan.Zero) - reflection.Time.GetUtcNow());
        var next = await reflection.SweepAndSendAsync();
        Assert.True(next.Enqueued == 1, $"{next} at {reflection.Time.GetUtcNow()} {await reflection.StoredAsync()} {await reflection.Get<SlotStore>().FindAsync(reflection.TenantId, Channel, "2026-W50", default)}");
        var second = Host.SentTo(Channel).Last(s => s.CardTitle == "Time to reflect" && s.Method == "POST");
        Assert.NotEqual(prompt.Card!["body"]![2]!["text"]!.ToString(), second.Card!["body"]![2]!["text"]!.ToString());
    }

    [Fact]
    public async Task Only_a_leader_can_set_up_reflection_and_a_refusal_is_logged_and_stores_nothing()
    {
        var groupChat = TeamsActivities.GroupChatId;
        await Host.PostAsync(Host.Activities.GroupMessage("reflection", "29:megan", "Megan Bowen"));
        Assert.Contains("isn't set up here yet", Host.LastIn(groupChat)!.Card!.ToString(), StringComparison.Ordinal);

        var forged = Host.Activities.GroupMessage("x", "29:megan", "Megan Bowen");
        forged.Remove("text");
        forged["value"] = ReflectionHost.SetUp();
        await Host.PostAsync(forged);

        Assert.Contains("Only a leader", Host.LastIn(groupChat)!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Null(await reflection.Get<IScheduleStore>().FindAsync(reflection.TenantId, groupChat, default));
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("reflection-setup", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "09:30", "Tuesday", "I couldn’t find that time zone")]
    [InlineData("Europe/London", "25:00", "Tuesday", "That time isn’t on the clock")]
    [InlineData("Europe/London", "09:30", "Caturday", "That time isn’t on the clock")]
    public async Task Impossible_schedules_are_refused_kindly_and_nothing_changes(string zone, string time, string day, string expected)
    {
        var before = await reflection.StoredAsync();

        await Host.SubmitAsync(ReflectionHost.SetUp(day, time, zone), "29:lee", inChannel: true);

        var reply = reflection.ReplyInChannel()!.Card!.ToString();
        Assert.Contains("I couldn't save that schedule, and nothing has changed.", reply, StringComparison.Ordinal);
        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.Equal(before?.TimeZoneId, (await reflection.StoredAsync())?.TimeZoneId);
        Assert.Equal(before?.LocalTime, (await reflection.StoredAsync())?.LocalTime);
    }
}
