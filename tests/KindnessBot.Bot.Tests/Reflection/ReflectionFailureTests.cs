using KindnessBot.Core.Reflection;
using KindnessBot.Testing;

namespace KindnessBot.Bot.Tests.Reflection;

/// <summary>A prompt Teams refuses for good goes to the poison queue, is never posted, and its leader is told once.</summary>
public class ReflectionFailureTests(ReflectionHost reflection) : IClassFixture<ReflectionHost>
{
    [Fact]
    public async Task A_prompt_Teams_refuses_for_good_is_poisoned_and_reported_to_the_leader_once()
    {
        var host = reflection.Host;
        await host.SubmitAsync(ReflectionHost.SetUp(), "29:lee", inChannel: true);
        reflection.Time.Advance(new DateTimeOffset(2026, 12, 1, 9, 31, 0, TimeSpan.Zero) - reflection.Time.GetUtcNow());
        host.Connector.RefuseNext(1, 403); // as Teams answers when the bot was removed from the team

        await reflection.SweepAndSendAsync();
        await reflection.FollowUpAsync();
        await reflection.FollowUpAsync();

        Assert.Null(reflection.Prompt());
        var slot = (await reflection.Get<SlotStore>().FindAsync(reflection.TenantId, TeamsActivities.TeamId, "2026-W49", default))!;
        Assert.Equal(SlotState.Failed, slot.State);
        Assert.Contains("403", slot.Reason, StringComparison.Ordinal);
        Assert.Single((await reflection.Get<Core.Delivery.DeliveryStorage>().Poison.ReceiveMessagesAsync(10)).Value);
        var report = Assert.Single(host.SentTo(TeamsActivities.PersonalConversationId("29:lee")), s => s.CardTitle == "A reflection prompt couldn't be posted");
        Assert.Contains("Care Team", report.Card!.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>The summary goes to the leader who set reflection up and to whoever added the bot to the team.</summary>
public class ReflectionSummaryRecipientTests(ReflectionHost reflection) : IClassFixture<ReflectionHost>
{
    [Fact]
    public async Task When_an_admin_set_reflection_up_the_teams_installer_still_receives_the_summary()
    {
        var host = reflection.Host;
        var admin = host.Activities.ChannelSubmit(ReflectionHost.SetUp(openFor: "1"), "29:admin");
        admin["from"]!["name"] = "Ada Admin";
        await host.PostAsync(admin); // an organisation-wide admin, with no personal chat with the bot
        Assert.Equal("29:admin", (await reflection.StoredAsync())!.CreatedBy);
        reflection.Time.Advance(new DateTimeOffset(2026, 12, 1, 9, 31, 0, TimeSpan.Zero) - reflection.Time.GetUtcNow());
        await reflection.SweepAndSendAsync();
        await host.SubmitAsync(ReflectionHost.Answer(reflection.Prompt()!, "A good week."), "29:megan", inChannel: true);

        reflection.Time.Advance(TimeSpan.FromDays(1));
        var followUp = await reflection.FollowUpAsync();

        Assert.Equal(1, followUp.Summaries);
        Assert.Single(host.SentTo(TeamsActivities.PersonalConversationId("29:lee")), s => s.Card?.ToString().Contains("Reflection summary: Care Team", StringComparison.Ordinal) == true);
    }
}
