using KindnessBot.Core.Commitments;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Tests.Conversations;

namespace KindnessBot.Core.Tests.Permissions;

/// <summary>Permission to flex against real tables: statements, reads, decisions, revocation, expiry and reminders.</summary>
public class PermissionServiceTests : PermissionWorld
{
    [Fact]
    public async Task A_leader_posts_a_statement_with_Permissive_by_default_and_its_card_is_posted()
    {
        var (statement, refusal) = await PostAsync(NewService());

        Assert.Null(refusal);
        Assert.Equal([Commitment.Permissive], statement!.Commitments);
        Assert.Equal("posted-1", statement.ActivityId);
        Assert.Single(await RecordedAsync(PermissionDelivery.Statement));
    }

    [Fact]
    public async Task Someone_who_is_not_a_leader_cannot_post_revoke_extend_or_read_the_flex_log()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);

        Assert.Equal(PermissionRefusal.NotALeader, (await PostAsync(service, Alex)).Refusal);
        Assert.Equal(PermissionRefusal.NotALeader, (await service.RevokeAsync(Team, Alex, statement!.Key, default)).Refusal);
        Assert.Equal(PermissionRefusal.NotALeader, (await service.ExtendAsync(Team, Alex, statement.Key, default)).Refusal);
        Assert.Null(await service.FlexLogAsync(Team, Alex, default));
        Assert.False((await Store.FindAsync(Tenant, "19:team", statement.Key, default))!.Revoked);
    }

    [Fact]
    public async Task An_admin_from_configuration_is_a_leader_everywhere()
    {
        var options = new LeaderOptions();
        options.Admins.Add("29:admin");
        var service = NewService(leaders: options);

        Assert.Null((await PostAsync(service, new Person("29:admin", null, "Ada Admin", null))).Refusal);
    }

    [Fact]
    public async Task Fifty_people_pressing_I_have_read_this_at_once_count_exactly_fifty_and_twice_counts_once()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);
        var readers = Enumerable.Range(0, 50).Select(i => $"29:reader-{i}").ToList();

        var results = await Task.WhenAll(readers.Concat(readers.Take(10)).Select(r => service.MarkReadAsync(Tenant, "19:team", statement!.Key, r, default)));

        Assert.Equal(50, results.Count(r => r.Counted));
        Assert.Equal(50, (await Store.FindAsync(Tenant, "19:team", statement!.Key, default))!.ReadCount);
        Assert.Contains(Notifier.Updated, s => s.ReadCount == 50);
    }

    [Fact]
    public async Task A_decision_relying_on_a_statement_counts_as_a_use_and_a_shared_story_is_posted()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);

        var (decision, refusal, _) = await DecideAsync(service, Alex, statement!.Key, share: true);

        Assert.Null(refusal);
        Assert.Equal(1, (await Store.FindAsync(Tenant, "19:team", statement.Key, default))!.UsedCount);
        Assert.EndsWith(decision!.Key, Assert.Single(await RecordedAsync(PermissionDelivery.Story)).Key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("unknown")]
    [InlineData("other team")]
    public async Task A_decision_naming_a_statement_that_cannot_be_relied_on_is_refused_and_nothing_isStored(string which)
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service, days: 5);
        var key = statement!.Key;
        var scope = Team;
        switch (which)
        {
            case "revoked":
                await service.RevokeAsync(Team, Leader, key, default);
                break;
            case "expired":
                Time.Advance(TimeSpan.FromDays(7));
                break;
            case "unknown":
                key = "0000000000000000001-0000abcd";
                break;
            default:
                scope = StoreFixture.Channel(Tenant, "19:other-team", "19:other-team");
                break;
        }

        var (decision, refusal, _) = await DecideAsync(service, Alex, key, scope: scope);

        Assert.Null(decision);
        Assert.NotNull(refusal);
        Assert.Empty(await Store.DecisionsAsync(Tenant, "19:team", default));
        Assert.Empty(await Store.DecisionsAsync(Tenant, "19:other-team", default));
    }

    [Fact]
    public async Task Revoking_updates_the_card_and_the_statement_no_longer_applies()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);

        await service.RevokeAsync(Team, Leader, statement!.Key, default);

        Assert.Contains(Notifier.Updated, s => s.Key == statement.Key && s.Revoked);
        Assert.Empty(await service.ApplicableAsync(Tenant, [Team], default));
    }

    [Fact]
    public async Task The_leader_is_reminded_once_three_days_before_expiry_even_with_two_instances_and_can_extend()
    {
        var first = NewService();
        var second = NewService();
        var (statement, _) = await PostAsync(first, days: 10);

        Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await first.SendDueRemindersAsync(default));
        Time.Advance(TimeSpan.FromDays(1)); // three days before expiry
        var sent = await Task.WhenAll(first.SendDueRemindersAsync(default), second.SendDueRemindersAsync(default));
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, await first.SendDueRemindersAsync(default));

        var (extended, _) = await first.ExtendAsync(Team, Leader, statement!.Key, default);
        Assert.Equal(statement.ValidUntil.AddDays(PermissionService.ExtendByDays), extended!.ValidUntil);
        Time.Advance(TimeSpan.FromDays(PermissionService.ExtendByDays));
        Assert.Equal(1, await first.SendDueRemindersAsync(default)); // a new reminder for the new date
    }

    [Fact]
    public async Task When_a_statement_expires_its_card_is_updated_to_say_so()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service, days: 2);

        Time.Advance(TimeSpan.FromDays(3));
        await service.SendDueRemindersAsync(default);

        var last = Notifier.Updated.Last(s => s.Key == statement!.Key);
        Assert.Equal(StatementState.Expired, last.StateOn(Today));
    }

    [Fact]
    public async Task The_flex_log_counts_decisions_per_statement_and_those_that_relied_on_no_statement()
    {
        var service = NewService();
        var (statement, _) = await PostAsync(service);
        await DecideAsync(service, Alex, statement!.Key, share: true);
        await DecideAsync(service, Alex, statement.Key);
        await DecideAsync(service, Alex, null);

        var log = await service.FlexLogAsync(Team, Leader, default);

        var entry = Assert.Single(log!.Statements);
        Assert.Equal((2, 1, 1), (entry.Decisions, entry.SharedStories.Count, log.OwnJudgementDecisions));
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(0, -2)]
    [InlineData(0, 400)]
    public async Task Impossible_dates_are_refused(int fromOffset, int untilOffset)
    {
        var (statement, refusal) = await NewService().PostAsync(new StatementRequest(Leader, Team, "x", "y", [], Today.AddDays(fromOffset + (fromOffset < 0 ? 10 : 0)), Today.AddDays(untilOffset)), default);

        Assert.Null(statement);
        Assert.Equal(PermissionRefusal.BadDates, refusal);
    }
}
