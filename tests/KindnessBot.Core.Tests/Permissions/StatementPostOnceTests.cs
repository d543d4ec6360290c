using KindnessBot.Core.Permissions;

namespace KindnessBot.Core.Tests.Permissions;

/// <summary>A leader's form makes one statement, however often "Post it" is pressed: after Teams refused the post, or twice at once.</summary>
public class StatementPostOnceTests : PermissionWorld
{
    [Fact]
    public async Task When_Teams_refused_the_first_post_posting_the_same_card_again_posts_that_statement_and_makes_no_second()
    {
        var service = NewService();
        var card = NewCardId();
        Notifier.RefuseNextPosts(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(service, cardId: card));
        var (posted, refusal) = await PostAsync(service, cardId: card);

        Assert.Null(refusal);
        var stored = Assert.Single(await Store.ListAsync(Tenant, Team.ScopeId, 10, Cancel));
        Assert.Equal((posted!.Key, "posted-1", (DateTimeOffset?)null), (stored.Key, stored.ActivityId, stored.PostingSince));
        Assert.Single(Notifier.Posted);
    }

    [Fact]
    public async Task Five_posts_of_one_card_at_once_make_one_statement_and_post_its_card_once()
    {
        var service = NewService();
        var card = NewCardId();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(service, cardId: card))).WaitAsync(Cancel);

        Assert.All(results, r => Assert.Null(r.Refusal));
        Assert.Single(results.Select(r => r.Statement!.Key).Distinct());
        Assert.Single(await Store.ListAsync(Tenant, Team.ScopeId, 10, Cancel));
        Assert.Single(Notifier.Posted);
    }

    [Fact]
    public async Task A_card_posted_again_after_it_was_posted_changes_nothing()
    {
        var service = NewService();
        var card = NewCardId();
        var (first, _) = await PostAsync(service, cardId: card);
        Time.Advance(TimeSpan.FromMinutes(10));

        var (again, _) = await PostAsync(service, cardId: card, what: "Different words on a replayed submit");

        Assert.Equal((first!.Key, first.What, first.ActivityId), (again!.Key, again.What, again.ActivityId));
        Assert.Single(await Store.ListAsync(Tenant, Team.ScopeId, 10, Cancel));
        Assert.Single(Notifier.Posted);
    }

    [Fact]
    public async Task A_statement_Teams_never_showed_applies_to_nobody_and_cannot_be_relied_on()
    {
        var service = NewService();
        Notifier.RefuseNextPosts(1);
        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(service, cardId: NewCardId()));
        var unposted = Assert.Single(await Store.ListAsync(Tenant, Team.ScopeId, 10, Cancel));

        Assert.Empty(await service.ApplicableAsync(Tenant, [Team], Cancel));
        Assert.Empty((await service.FlexLogAsync(Team, Leader, Cancel))!.Statements);
        Assert.Equal(PermissionRefusal.NotFound, (await DecideAsync(service, Alex, unposted.Key)).Refusal);
    }
}
