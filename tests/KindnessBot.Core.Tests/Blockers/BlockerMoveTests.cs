using KindnessBot.Core.Blockers;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Core.Tests.Blockers;

public sealed class BlockerMoveTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_report_starts_new_counts_its_reporter_and_is_found_by_id()
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();

        var found = await world.Service.FindAsync(BlockerWorld.Scope(), blocker.Id, None);

        Assert.NotNull(found);
        Assert.Equal(BlockerStatus.New, found.Status);
        Assert.True(found.Anonymous);
        Assert.Equal(1, found.AffectsCount);
        Assert.Equal(BlockerWhere.ToolOrSystem, found.Where);
        Assert.Equal("Let us book it by hand", found.Suggestion);
    }

    [Theory]
    [InlineData(BlockerStatus.Acknowledged)]
    [InlineData(BlockerStatus.Acknowledged, BlockerStatus.InProgress)]
    [InlineData(BlockerStatus.Acknowledged, BlockerStatus.InProgress, BlockerStatus.Changed)]
    [InlineData(BlockerStatus.Acknowledged, BlockerStatus.InProgress, BlockerStatus.NotChanging)]
    [InlineData(BlockerStatus.Acknowledged, BlockerStatus.Changed)]
    [InlineData(BlockerStatus.Acknowledged, BlockerStatus.NotChanging)]
    [InlineData(BlockerStatus.Changed)]
    [InlineData(BlockerStatus.NotChanging)]
    public async Task Every_allowed_path_reaches_its_status(params BlockerStatus[] path)
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();

        foreach (var step in path)
        {
            var moved = await world.MoveAsync(blocker.Id, step, "we did: a new booking form");
            Assert.True(moved.Succeeded, $"{step}: {moved.Refusal}");
        }

        var found = await world.Store.FindAsync(BlockerWorld.Tenant, blocker.Id, None);
        Assert.Equal(path[^1], found!.Status);
        Assert.Equal(path.Length + 1, found.History.Count);
        Assert.Equal(BlockerMoves.IsClosed(path[^1]), found.ClosedAt is not null);
    }

    [Theory]
    [InlineData(new BlockerStatus[0], BlockerStatus.InProgress)]
    [InlineData(new BlockerStatus[0], BlockerStatus.New)]
    [InlineData(new BlockerStatus[0], BlockerStatus.Merged)]
    [InlineData(new[] { BlockerStatus.Acknowledged, BlockerStatus.InProgress }, BlockerStatus.Acknowledged)]
    [InlineData(new[] { BlockerStatus.Acknowledged }, BlockerStatus.New)]
    public async Task A_move_that_is_not_a_step_is_refused_and_changes_nothing(BlockerStatus[] before, BlockerStatus to)
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();
        foreach (var step in before)
        {
            await world.MoveAsync(blocker.Id, step);
        }

        var stored = await world.Store.FindAsync(BlockerWorld.Tenant, blocker.Id, None);
        var moved = await world.MoveAsync(blocker.Id, to, "we did: something");

        Assert.Equal(BlockerRefusal.InvalidMove, moved.Refusal);
        Assert.Equal(stored!.ETag, (await world.Store.FindAsync(BlockerWorld.Tenant, blocker.Id, None))!.ETag);
    }

    [Theory]
    [InlineData(BlockerStatus.Changed)]
    [InlineData(BlockerStatus.NotChanging)]
    public async Task A_closed_blocker_is_final(BlockerStatus closed)
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();
        await world.MoveAsync(blocker.Id, closed, "because: it is the law");

        foreach (var to in Enum.GetValues<BlockerStatus>())
        {
            Assert.Equal(BlockerRefusal.Final, (await world.MoveAsync(blocker.Id, to, "we did: more")).Refusal);
        }
    }

    [Theory]
    [InlineData(BlockerStatus.Changed)]
    [InlineData(BlockerStatus.NotChanging)]
    public async Task Closing_needs_what_we_did_or_why_not(BlockerStatus to)
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();

        Assert.Equal(BlockerRefusal.NoteRequired, (await world.MoveAsync(blocker.Id, to, null)).Refusal);
        Assert.Equal(BlockerRefusal.NoteRequired, (await world.MoveAsync(blocker.Id, to, "   ")).Refusal);
        Assert.Equal(BlockerRefusal.TooLong, (await world.MoveAsync(blocker.Id, to, new string('x', 1001))).Refusal);
        Assert.Equal(BlockerStatus.New, (await world.Store.FindAsync(BlockerWorld.Tenant, blocker.Id, None))!.Status);

        var moved = await world.MoveAsync(blocker.Id, to, "we did: a new form");
        Assert.Equal("we did: a new form", moved.Blocker!.Outcome);
    }

    [Fact]
    public async Task Only_a_leader_may_move_merge_or_pass()
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();
        var other = await world.ReportAsync();
        var member = BlockerWorld.Member(1);

        Assert.Equal(BlockerRefusal.NotALeader, (await world.MoveAsync(blocker.Id, BlockerStatus.Acknowledged, by: member)).Refusal);
        Assert.Equal(BlockerRefusal.NotALeader, (await world.Service.MergeAsync(BlockerWorld.Scope(), member, blocker.Id, other.Id, None)).Refusal);
        Assert.Equal(BlockerRefusal.NotALeader, (await world.Service.PassAsync(BlockerWorld.Scope(), member, blocker.Id, "19:team-b", None)).Refusal);
        var stored = await world.Store.FindAsync(BlockerWorld.Tenant, blocker.Id, None);
        Assert.Equal(BlockerStatus.New, stored!.Status);
        Assert.Equal(BlockerWorld.Team, stored.TeamId);
    }

    [Fact]
    public async Task Another_teams_or_tenants_blocker_or_an_unknown_id_is_not_found()
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();
        var otherTeam = BlockerWorld.Scope("19:team-b");
        var otherTenant = BlockerWorld.Scope(BlockerWorld.Team, "tenant-2");

        Assert.Equal(BlockerRefusal.NotFound, (await world.Service.MoveAsync(otherTeam, BlockerWorld.Leader, blocker.Id, BlockerStatus.Acknowledged, null, None)).Refusal);
        Assert.Equal(BlockerRefusal.NotFound, (await world.Service.MoveAsync(otherTenant, BlockerWorld.Leader, blocker.Id, BlockerStatus.Acknowledged, null, None)).Refusal);
        Assert.Equal(BlockerRefusal.NotFound, (await world.Service.AffectsMeTooAsync(otherTeam, BlockerWorld.Member(1), blocker.Id, None)).Refusal);
        Assert.Equal(BlockerRefusal.NotFound, (await world.MoveAsync("not-an-id", BlockerStatus.Acknowledged)).Refusal);
        Assert.Equal(BlockerRefusal.NotFound, (await world.MoveAsync("0000000000000000000-00000000", BlockerStatus.Acknowledged)).Refusal);
        Assert.Null(await world.Service.FindAsync(otherTenant, blocker.Id, None));
        Assert.Equal(BlockerStatus.New, (await world.Store.FindAsync(BlockerWorld.Tenant, blocker.Id, None))!.Status);
    }

    [Fact]
    public async Task Over_long_or_missing_text_is_refused_with_nothing_stored()
    {
        var world = await BlockerWorld.NewAsync();
        var tooLong = new string('x', 1001);

        var results = new[]
        {
            await world.Service.ReportAsync(new BlockerReport(BlockerWorld.Tenant, BlockerWorld.Team, BlockerWorld.Reporter, tooLong, BlockerWhere.Policy, BlockerAffected.Me), None),
            await world.Service.ReportAsync(new BlockerReport(BlockerWorld.Tenant, BlockerWorld.Team, BlockerWorld.Reporter, "ok", BlockerWhere.Policy, BlockerAffected.Me, tooLong), None),
            await world.Service.ReportAsync(new BlockerReport(BlockerWorld.Tenant, BlockerWorld.Team, BlockerWorld.Reporter, " ", BlockerWhere.Policy, BlockerAffected.Me), None),
            await world.Service.ReportAsync(new BlockerReport(BlockerWorld.Tenant, BlockerWorld.Team, BlockerWorld.Reporter, "ok", (BlockerWhere)42, BlockerAffected.Me), None),
        };

        Assert.Equal([BlockerRefusal.TooLong, BlockerRefusal.TooLong, BlockerRefusal.Invalid, BlockerRefusal.Invalid], results.Select(r => r.Refusal));
        Assert.Empty(await world.AllRowsAsync());
        Assert.True((await world.Service.ReportAsync(new BlockerReport(BlockerWorld.Tenant, BlockerWorld.Team, BlockerWorld.Reporter, new string('x', 1000), BlockerWhere.Policy, BlockerAffected.Me), None)).Succeeded);
    }

    [Fact]
    public async Task Each_status_change_tells_the_reporter_through_the_delivery_path()
    {
        var world = await BlockerWorld.NewAsync();
        var named = await world.ReportAsync(named: true);
        var anonymous = await world.ReportAsync();

        var toNamed = (await world.MoveAsync(named.Id, BlockerStatus.Changed, "we did: a form")).Notice!;
        var toAnonymous = (await world.MoveAsync(anonymous.Id, BlockerStatus.Acknowledged)).Notice!;

        Assert.Equal(Recipient.Person(BlockerWorld.Reporter.TeamsId), toNamed.To);
        Assert.Equal(RecipientKind.Sealed, toAnonymous.To.Kind);
        Assert.Equal(BlockerWorld.Reporter.TeamsId, world.Keys.Addresses.Open(BlockerWorld.Tenant, toAnonymous.To.Id));
        var request = toNamed.ToDeliveryRequest();
        Assert.True(request.Nudge);
        Assert.Equal($"blocker|{named.Id}|Changed|2", request.Key);
        Assert.Contains("we did: a form", request.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(BlockerWorld.Reporter.TeamsId, toAnonymous.ToDeliveryRequest().Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_two_moves_at_once_one_wins_and_the_other_is_refused()
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();
        var before = await world.Store.FindAsync(BlockerWorld.Tenant, blocker.Id, None);

        var first = await world.Store.TryReplaceAsync(before!, before! with { Status = BlockerStatus.Acknowledged }, None);
        var second = await world.Store.TryReplaceAsync(before!, before! with { Status = BlockerStatus.Changed, Outcome = "x" }, None);
        var both = await Task.WhenAll(world.MoveAsync(blocker.Id, BlockerStatus.Changed, "we did: one"), world.MoveAsync(blocker.Id, BlockerStatus.NotChanging, "because: two"));

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Single(both, r => r.Succeeded);
        Assert.Single(both, r => r.Refusal == BlockerRefusal.Final);
        var page = await world.Service.TriageAsync(BlockerWorld.Scope(), 10, null, None);
        Assert.Empty(page.Items);
        Assert.Single((await world.Service.TeamAsync(BlockerWorld.Scope(), 10, None)).RecentlyClosed);
    }
}
