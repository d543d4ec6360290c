using KindnessBot.Core.Recognition;

namespace KindnessBot.Core.Tests.Recognition;

/// <summary>One person gives at most <see cref="RecognitionOptions.DailyLimit"/> recognitions a UTC day, however they submit.</summary>
public class DailyLimitTests : RecognitionWorld
{
    [Fact]
    public async Task The_daily_limit_holds_and_nothing_is_stored_or_sent_past_it()
    {
        var service = NewService(dailyLimit: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null((await GiveAsync(service, Ana, Ben.TeamsId, CareTeam)).Refusal);
        }

        var fourth = await GiveAsync(service, Ana, Cy.TeamsId, CareTeam);

        Assert.Equal(GiveRefusal.DailyLimitReached, fourth.Refusal);
        Assert.Null(fourth.Recognition);
        Assert.Equal(3, (await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel)).Count);
        Assert.Empty(await Store.ReceivedAsync(Tenant, Cy.TeamsId, null, 10, Cancel));
        Assert.Equal(3, (await Sent.AskedAsync()).Count);
    }

    [Fact]
    public async Task The_default_limit_is_ten_a_day()
    {
        var service = new RecognitionService(Store, Conversations, Scopes(), Path(), Time, new RecognitionOptions());

        var outcomes = new List<GiveOutcome>();
        for (var i = 0; i < 11; i++)
        {
            outcomes.Add(await GiveAsync(service, Ana, Ben.TeamsId, CareTeam));
        }

        Assert.Equal(10, outcomes.Count(o => o.Refusal is null));
        Assert.Equal(GiveRefusal.DailyLimitReached, outcomes[^1].Refusal);
    }

    [Fact]
    public async Task At_the_limit_a_resubmitted_card_is_still_answered_as_a_duplicate_not_refused()
    {
        var service = NewService(dailyLimit: 2);
        var card = NewCardId();
        var first = await GiveAsync(service, Ana, Ben.TeamsId, CareTeam, card);
        await GiveAsync(service, Ana, Ben.TeamsId, CareTeam);

        var again = await GiveAsync(service, Ana, Ben.TeamsId, CareTeam, card);

        Assert.Equal((null, true), (again.Refusal, again.Duplicate));
        Assert.Equal(first.Recognition!.Key, again.Recognition!.Key);
        Assert.Equal(2, (await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel)).Count);
    }

    [Fact]
    public async Task The_limit_is_each_givers_own()
    {
        var service = NewService(dailyLimit: 1);
        await GiveAsync(service, Ana, Ben.TeamsId, CareTeam);

        Assert.Equal(GiveRefusal.DailyLimitReached, (await GiveAsync(service, Ana, Cy.TeamsId, CareTeam)).Refusal);
        Assert.Null((await GiveAsync(service, Ben, Cy.TeamsId, CareTeam)).Refusal);
        Assert.Null((await GiveAsync(service, Cy, Ana.TeamsId, CareTeam)).Refusal);
    }

    [Fact]
    public async Task The_limit_starts_again_at_midnight_UTC_not_a_full_day_later()
    {
        var service = NewService(dailyLimit: 2);
        Time.Advance(TimeSpan.FromHours(14) + TimeSpan.FromMinutes(58)); // 23:58 UTC
        await GiveAsync(service, Ana, Ben.TeamsId, CareTeam);
        await GiveAsync(service, Ana, Ben.TeamsId, CareTeam);
        Assert.Equal(GiveRefusal.DailyLimitReached, (await GiveAsync(service, Ana, Ben.TeamsId, CareTeam)).Refusal);

        Time.Advance(TimeSpan.FromMinutes(3)); // 00:01 the next day

        Assert.Null((await GiveAsync(service, Ana, Ben.TeamsId, CareTeam)).Refusal);
        Assert.Null((await GiveAsync(service, Ana, Ben.TeamsId, CareTeam)).Refusal);
        Assert.Equal(GiveRefusal.DailyLimitReached, (await GiveAsync(service, Ana, Ben.TeamsId, CareTeam)).Refusal);
        Assert.Equal(4, (await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 10, Cancel)).Count);
    }

    [Fact]
    public async Task Twenty_concurrent_submits_with_a_limit_of_four_store_exactly_four_and_refuse_the_rest()
    {
        // Every failed attempt on the day counter means another submit succeeded, so with a limit below the store's
        // five attempts no submit can run out of attempts: this holds the limit itself, apart from the bug below.
        var outcomes = await SubmitAtOnceAsync(NewService(dailyLimit: 4), 20);

        Assert.Equal(4, outcomes.Count(o => o.Refusal is null));
        Assert.Equal(16, outcomes.Count(o => o.Refusal == GiveRefusal.DailyLimitReached));
        Assert.Equal(4, await StoredAsync());
    }

    [Fact]
    public async Task Twenty_concurrent_submits_with_a_limit_of_ten_store_exactly_ten_and_refuse_the_rest()
    {
        var outcomes = await SubmitAtOnceAsync(NewService(dailyLimit: 10), 20);

        Assert.Equal(10, outcomes.Count(o => o.Refusal is null));
        Assert.Equal(10, outcomes.Count(o => o.Refusal == GiveRefusal.DailyLimitReached));
        Assert.Equal(10, await StoredAsync());
    }

    /// <summary>Ana submits <paramref name="count"/> new cards at once, to Ben and Cy in turn.</summary>
    private async Task<GiveOutcome[]> SubmitAtOnceAsync(RecognitionService service, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => GiveAsync(service, Ana, (i % 2 == 0 ? Ben : Cy).TeamsId, CareTeam))).WaitAsync(Cancel);

    /// <summary>How many Ana's partition holds, checked against the recipients' copies.</summary>
    private async Task<int> StoredAsync()
    {
        var given = (await Store.GivenAsync(Tenant, Ana.TeamsId, 100, Cancel)).Count;
        var received = (await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 100, Cancel)).Count + (await Store.ReceivedAsync(Tenant, Cy.TeamsId, null, 100, Cancel)).Count;
        Assert.Equal(given, received);
        return given;
    }
}
