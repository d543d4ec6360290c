using KindnessBot.Bot.Tests.Leaders;
using KindnessBot.Bot.Tests.Reflection;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Reflection;
using KindnessBot.Testing;

namespace KindnessBot.Bot.Tests.Delivery;

/// <summary>
/// A reflection summary to five leaders of whom one has left the organisation (Teams answers 403 for their chat): the
/// other four get it once, the leaver's message is Failed (final, not retried), and the sweep goes on: next week's
/// follow-up happens as if nothing had gone wrong.
/// </summary>
public class SummaryToLeaderWhoLeftTests(ReflectionHost reflection) : IClassFixture<ReflectionHost>
{
    private static readonly string[] Staying = ["29:lee", "29:megan", "29:alex", "29:p01"];
    private const string Leaver = "29:p02";

    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    private int Summaries(string userId) =>
        reflection.Host.SentTo(Chat(userId)).Count(s => s.Card?.ToString().Contains("Reflection summary", StringComparison.Ordinal) == true);

    private async Task WeekAsync(DateTimeOffset opens, string answer)
    {
        var host = reflection.Host;
        reflection.Time.Advance(opens - reflection.Time.GetUtcNow());
        Assert.Equal(1, (await reflection.SweepAndSendAsync()).Enqueued);
        await host.SubmitAsync(ReflectionHost.Answer(reflection.Prompt()!, answer), "29:p03", inChannel: true);
        reflection.Time.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, (await reflection.FollowUpAsync()).Summaries);
        await host.DeliverAsync(); // anything left over (a retry, a repeat) would go now
    }

    [Fact]
    public async Task A_summary_to_five_leaders_one_of_whom_left_reaches_the_four_once_and_next_weeks_follow_up_still_happens()
    {
        var host = reflection.Host;
        await host.SubmitAsync(ReflectionHost.SetUp(), "29:lee", inChannel: true);
        foreach (var leader in new[] { "29:megan", "29:alex", "29:p01", Leaver })
        {
            await host.SubmitAsync(LeaderHost.Add(leader), "29:lee", inChannel: true);
        }

        await host.DeliverAsync();
        host.Connector.RefuseNext(1000, 403, only: a => (string?)a["conversation"]?["id"] == Chat(Leaver)); // they left: every post to their chat is refused
        var refusedBefore = host.Connector.Refused;

        await WeekAsync(new DateTimeOffset(2026, 12, 1, 9, 31, 0, TimeSpan.Zero), "We made time to listen.");

        Assert.All(Staying, leader => Assert.Equal(1, Summaries(leader)));
        Assert.Equal(0, Summaries(Leaver));
        Assert.Equal(refusedBefore + 1, host.Connector.Refused); // final at the first 403: never retried
        var failed = Assert.Single(await reflection.Get<OutboxStore>().ForPersonAsync(reflection.TenantId, Leaver, DeliveryState.Failed, default));
        Assert.Equal(FollowUpDelivery.Summary, failed.Kind);
        Assert.Contains("403", failed.Reason, StringComparison.Ordinal);

        await WeekAsync(new DateTimeOffset(2026, 12, 8, 9, 31, 0, TimeSpan.Zero), "We thanked the night shift.");

        Assert.All(Staying, leader => Assert.Equal(2, Summaries(leader)));
        Assert.Equal(0, Summaries(Leaver));
        Assert.Equal(refusedBefore + 2, host.Connector.Refused);
        Assert.Equal(2, (await reflection.Get<OutboxStore>().ForPersonAsync(reflection.TenantId, Leaver, DeliveryState.Failed, default)).Count);
    }
}
