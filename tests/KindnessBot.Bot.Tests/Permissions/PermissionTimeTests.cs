using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Permissions;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>The team host on a clock the test moves: reminders, extending, and expiry, over HTTP.</summary>
public class PermissionTimeTests(ClockedTeamHost clocked) : IClassFixture<ClockedTeamHost>
{
    private TeamHost Host => clocked.Host;

    [Fact]
    public async Task The_leader_is_reminded_three_days_before_the_end_can_extend_and_the_card_says_when_it_has_ended()
    {
        var today = DateOnly.FromDateTime(clocked.Time.GetUtcNow().UtcDateTime);
        var form = new JObject
        {
            ["verb"] = "permission-post", ["cardId"] = PermissionTurns.NewCardId(), ["what"] = "You can close the office early in a heatwave", ["boundaries"] = "Tell facilities",
            ["from"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["until"] = today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        await Host.SubmitAsync(form, "29:lee", inChannel: true);
        await Host.DeliverAsync();
        var permissions = Host.Services.GetRequiredService<PermissionService>();
        var statement = Assert.Single(await Host.Services.GetRequiredService<IPermissionStore>().ListAsync(Host.Activities.TenantId, TeamsActivities.TeamId, 10, default));
        var leeChat = TeamsActivities.PersonalConversationId("29:lee");

        clocked.Time.Advance(TimeSpan.FromDays(7));
        await permissions.SendDueRemindersAsync(default);
        await Host.DeliverAsync();

        // The host's own reminder service ticks on the same clock and may be the one that sends it: wait for it.
        var reminder = await EventuallyAsync(() => Host.SentTo(leeChat).LastOrDefault(s => s.CardTitle == "Your permission to flex ends soon"));
        await Host.SubmitAsync((JObject)reminder.Card!["actions"]![0]!["data"]!, "29:lee");
        Assert.Contains("Extended until", Host.LastIn(leeChat)!.Card!.ToString(), StringComparison.Ordinal);

        clocked.Time.Advance(TimeSpan.FromDays(3 + PermissionService.ExtendByDays + 1));
        await permissions.SendDueRemindersAsync(default);

        var last = await EventuallyAsync(() => Host.Connector.Sent.LastOrDefault(s => s.Method == "PUT" && s.ReplyToId == statement.ActivityId && s.Card!.ToString().Contains("This permission ended on", StringComparison.Ordinal)));
        Assert.DoesNotContain(last.Card!["actions"] ?? new JArray(), a => (string?)a["title"] == "I've read this");
    }

    private async Task<SentActivity> EventuallyAsync(Func<SentActivity?> find)
    {
        SentActivity? found = null;
        await Host.UntilDeliveredAsync(() => Task.FromResult((found = find()) is not null), "What the test waited for being sent");
        return found!;
    }
}
