using KindnessBot.Core.Permissions;

namespace KindnessBot.Core.Tests.Permissions;

/// <summary>A leader's form makes one statement and asks for one card, however often "Post it" is pressed: after a stop, or five times at once.</summary>
public class StatementPostOnceTests : PermissionWorld
{
    [Fact]
    public async Task When_the_card_was_not_posted_yet_posting_the_same_card_again_makes_no_second_statement_and_no_second_post()
    {
        var service = NewService();
        var card = NewCardId();

        await PostAsync(service, cardId: card, teamsAccepts: false);
        var (posted, refusal) = await PostAsync(service, cardId: card);

        Assert.Null(refusal);
        var stored = Assert.Single(await Store.ListAsync(Tenant, Team.ScopeId, 10, Cancel));
        Assert.Equal((posted!.Key, "posted-1"), (stored.Key, stored.ActivityId));
        Assert.Single(await RecordedAsync(PermissionDelivery.Statement));
    }

    [Fact]
    public async Task Five_posts_of_one_card_at_once_make_one_statement_and_post_its_card_once()
    {
        var service = NewService();
        var card = NewCardId();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(service, cardId: card, teamsAccepts: false))).WaitAsync(Cancel);

        Assert.All(results, r => Assert.Null(r.Refusal));
        Assert.Single(results.Select(r => r.Statement!.Key).Distinct());
        Assert.Single(await Store.ListAsync(Tenant, Team.ScopeId, 10, Cancel));
        Assert.Single(await RecordedAsync(PermissionDelivery.Statement));
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
        Assert.Single(await RecordedAsync(PermissionDelivery.Statement));
    }

    [Fact]
    public async Task The_card_is_kept_on_the_statement_once_and_a_second_acceptance_does_not_replace_it()
    {
        var service = NewService();
        var (posted, _) = await PostAsync(service);
        var entry = Assert.Single(await RecordedAsync(PermissionDelivery.Statement));

        await new PermissionDelivery(Store).DeliveredAsync(entry, "posted-again", Cancel); // a repeat after a stop

        Assert.Equal("posted-1", (await Store.FindAsync(Tenant, Team.ScopeId, posted!.Key, Cancel))!.ActivityId);
    }

    [Fact]
    public async Task A_statement_Teams_never_showed_applies_to_nobody_and_cannot_be_relied_on()
    {
        var service = NewService();
        await PostAsync(service, cardId: NewCardId(), teamsAccepts: false);
        var unposted = Assert.Single(await Store.ListAsync(Tenant, Team.ScopeId, 10, Cancel));

        Assert.Empty(await service.ApplicableAsync(Tenant, [Team], Cancel));
        Assert.Empty((await service.FlexLogAsync(Team, Leader, Cancel))!.Statements);
        Assert.Equal(PermissionRefusal.NotFound, (await DecideAsync(service, Alex, unposted.Key)).Refusal);
    }
}
