using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>The daily limit on flexible decisions (<c>Permissions:DailyDecisionLimit</c>, three here) over HTTP.</summary>
public class DecisionLimitTests(LimitedTeamHost limited) : IClassFixture<LimitedTeamHost>
{
    private TeamHost Host => limited.Host;

    [Fact]
    public async Task At_the_daily_limit_a_decision_is_refused_kindly_and_nothing_is_stored()
    {
        for (var i = 0; i < LimitedTeamHost.DailyDecisionLimit; i++)
        {
            await Host.SubmitAsync(PermissionTurns.Decision(null, $"Kind call {i}"), "29:p10");
        }

        await Host.SubmitAsync(PermissionTurns.Decision(null, "One too many"), "29:p10");

        Assert.Contains("please record it tomorrow", Host.LastIn(PermissionTurns.Chat("29:p10"))!.Card!.ToString(), StringComparison.Ordinal);
        var mine = (await Host.Store().DecisionsAsync(Host.Activities.TenantId, PermissionTurns.Channel, default)).Where(d => d.PersonId == "29:p10").ToList();
        Assert.Equal(LimitedTeamHost.DailyDecisionLimit, mine.Count);
        Assert.DoesNotContain(mine, d => d.Decided == "One too many");
    }

    [Fact]
    public async Task Twelve_decisions_submitted_at_once_cannot_pass_the_daily_limit_together()
    {
        var submits = Enumerable.Range(0, 12).Select(i => Host.SubmitAsync(PermissionTurns.Decision(null, $"At once {i}"), "29:p11"));

        await Within.Async(TimeSpan.FromSeconds(60), Task.WhenAll(submits), "Twelve decision submits");

        var stored = (await Host.Store().DecisionsAsync(Host.Activities.TenantId, PermissionTurns.Channel, default)).Count(d => d.PersonId == "29:p11");
        Assert.Equal(LimitedTeamHost.DailyDecisionLimit, stored);
        Assert.Equal(12 - LimitedTeamHost.DailyDecisionLimit, Host.SentTo(PermissionTurns.Chat("29:p11")).Count(s => s.Card!.ToString().Contains("please record it tomorrow", StringComparison.Ordinal)));
    }
}
