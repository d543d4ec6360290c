using KindnessBot.Bot.Tests.Reflection;
using KindnessBot.Testing;

namespace KindnessBot.Bot.Tests.Leaders;

/// <summary>The reflection summary goes to whoever leads the team when it closes, not to its installer or to a leader who has since stepped down.</summary>
public class SummaryRecipientsTests(ReflectionHost reflection) : IClassFixture<ReflectionHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    [Fact]
    public async Task The_summary_goes_to_the_teams_current_leaders()
    {
        var host = reflection.Host;
        await host.SubmitAsync(ReflectionHost.SetUp(), "29:lee", inChannel: true);
        await host.SubmitAsync(LeaderHost.Add("29:megan"), "29:lee", inChannel: true);
        await host.SubmitAsync(LeaderHost.Add("29:alex"), "29:megan", inChannel: true);
        await host.SubmitAsync(LeaderHost.Remove("29:lee"), "29:megan", inChannel: true); // Lee set it up and installed the bot, and steps down

        reflection.Time.Advance(new DateTimeOffset(2026, 12, 1, 9, 31, 0, TimeSpan.Zero) - reflection.Time.GetUtcNow());
        Assert.Equal(1, (await reflection.SweepAndSendAsync()).Enqueued);
        await host.SubmitAsync(ReflectionHost.Answer(reflection.Prompt()!, "We made time to listen."), "29:p01", inChannel: true);
        reflection.Time.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, (await reflection.FollowUpAsync()).Summaries);

        bool GotSummary(string userId) => host.SentTo(Chat(userId)).Any(s => s.Card?.ToString().Contains("Reflection summary", StringComparison.Ordinal) == true);
        Assert.True(GotSummary("29:megan"));
        Assert.True(GotSummary("29:alex"));
        Assert.False(GotSummary("29:lee"));
    }
}
