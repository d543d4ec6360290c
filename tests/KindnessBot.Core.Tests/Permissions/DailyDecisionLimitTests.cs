using KindnessBot.Core.Permissions;

namespace KindnessBot.Core.Tests.Permissions;

/// <summary>One person records at most <see cref="PermissionOptions.DailyDecisionLimit"/> flexible decisions a UTC day, however they submit.</summary>
public class DailyDecisionLimitTests : PermissionWorld
{
    [Fact]
    public async Task The_daily_limit_holds_and_nothing_is_stored_counted_or_shared_past_it()
    {
        var service = NewService(dailyDecisionLimit: 3);
        var (statement, _) = await PostAsync(service);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null((await DecideAsync(service, Alex, statement!.Key, share: true)).Refusal);
        }

        var fourth = await DecideAsync(service, Alex, statement!.Key, share: true);

        Assert.Equal(PermissionRefusal.DailyLimitReached, fourth.Refusal);
        Assert.Null(fourth.Decision);
        Assert.Equal(3, (await Store.DecisionsAsync(Tenant, Team.ScopeId, Cancel)).Count);
        Assert.Equal(3, (await Store.FindAsync(Tenant, Team.ScopeId, statement.Key, Cancel))!.UsedCount);
        Assert.Equal(3, (await RecordedAsync(PermissionDelivery.Story)).Count);
    }

    [Fact]
    public async Task The_default_limit_is_twenty_decisions_a_day()
    {
        var service = NewService();

        var outcomes = new List<DecisionOutcome>();
        for (var i = 0; i < 21; i++)
        {
            outcomes.Add(await DecideAsync(service, Alex, null));
        }

        Assert.Equal(20, new PermissionOptions().DailyDecisionLimit);
        Assert.Equal(20, outcomes.Count(o => o.Refusal is null));
        Assert.Equal(PermissionRefusal.DailyLimitReached, outcomes[^1].Refusal);
    }

    [Fact]
    public async Task Thirty_concurrent_decisions_with_a_limit_of_five_store_exactly_five_and_refuse_the_rest()
    {
        var service = NewService(dailyDecisionLimit: 5);
        var (statement, _) = await PostAsync(service);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => DecideAsync(service, Alex, i % 2 == 0 ? statement!.Key : null))).WaitAsync(Cancel);

        Assert.Equal(5, outcomes.Count(o => o.Refusal is null));
        Assert.Equal(25, outcomes.Count(o => o.Refusal == PermissionRefusal.DailyLimitReached));
        var stored = await Store.DecisionsAsync(Tenant, Team.ScopeId, Cancel);
        Assert.Equal(5, stored.Count);
        Assert.Equal(stored.Count(d => d.StatementKey is not null), (await Store.FindAsync(Tenant, Team.ScopeId, statement!.Key, Cancel))!.UsedCount);
    }

    [Fact]
    public async Task At_the_limit_a_resubmitted_card_is_still_answered_as_already_recorded_not_refused()
    {
        var service = NewService(dailyDecisionLimit: 2);
        var card = NewCardId();
        var first = await DecideAsync(service, Alex, null, card);
        await DecideAsync(service, Alex, null);

        var again = await DecideAsync(service, Alex, null, card);

        Assert.Equal((null, true), (again.Refusal, again.Duplicate));
        Assert.Equal(first.Decision!.Key, again.Decision!.Key);
        Assert.Equal(2, (await Store.DecisionsAsync(Tenant, Team.ScopeId, Cancel)).Count);
    }

    [Fact]
    public async Task The_limit_is_each_persons_own_and_starts_again_at_midnight_UTC()
    {
        var service = NewService(dailyDecisionLimit: 1);
        Time.Advance(TimeSpan.FromHours(14) + TimeSpan.FromMinutes(58)); // 23:58 UTC
        await DecideAsync(service, Alex, null);

        Assert.Equal(PermissionRefusal.DailyLimitReached, (await DecideAsync(service, Alex, null)).Refusal);
        Assert.Null((await DecideAsync(service, Ana, null)).Refusal);

        Time.Advance(TimeSpan.FromMinutes(3)); // 00:01 the next day

        Assert.Null((await DecideAsync(service, Alex, null)).Refusal);
        Assert.Equal(3, (await Store.DecisionsAsync(Tenant, Team.ScopeId, Cancel)).Count);
    }
}
