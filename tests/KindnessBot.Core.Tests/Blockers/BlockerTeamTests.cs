using KindnessBot.Core.Audit;
using KindnessBot.Core.Blockers;

namespace KindnessBot.Core.Tests.Blockers;

public sealed class BlockerTeamTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_same_report_form_sent_twice_even_the_next_day_stores_one_blocker_and_a_new_form_another()
    {
        var world = await BlockerWorld.NewAsync();
        var report = new BlockerReport(BlockerWorld.Tenant, BlockerWorld.Team, BlockerWorld.Reporter, "The rota double-books the quiet room", BlockerWhere.ToolOrSystem, BlockerAffected.Colleagues, FormId: "form-1");

        var first = await world.Service.ReportAsync(report, None);
        var twice = await world.Service.ReportAsync(report, None);
        world.Time.Advance(TimeSpan.FromDays(1)); // past midnight: the day in a new id would differ
        var again = await world.Service.ReportAsync(report, None);
        var other = await world.Service.ReportAsync(report with { FormId = "form-2" }, None);

        Assert.True(first.Succeeded);
        Assert.Equal(BlockerRefusal.AlreadyReported, twice.Refusal);
        Assert.Equal(BlockerRefusal.AlreadyReported, again.Refusal);
        Assert.True(other.Succeeded);
        Assert.Equal(2, (await world.Service.TriageAsync(BlockerWorld.Scope(), 10, null, None)).Items.Count);
        Assert.Equal(2, (await world.Service.MyReportsAsync(BlockerWorld.Tenant, BlockerWorld.Reporter, None)).Count);
    }

    [Fact]
    public async Task A_named_report_s_id_holds_the_day_not_the_moment_like_an_anonymous_one()
    {
        var world = await BlockerWorld.NewAsync();

        var named = await world.ReportAsync(named: true);
        var anonymous = await world.ReportAsync();

        Assert.Equal(anonymous.Id[..19], named.Id[..19]);
        Assert.Equal(KindnessBot.Core.Storage.RecordKey.InvertedTicks(new DateTimeOffset(world.Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero)), named.Id[..19]);
    }

    [Fact]
    public async Task Affects_me_too_counts_each_person_once()
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();

        var first = await world.Service.AffectsMeTooAsync(BlockerWorld.Scope(), BlockerWorld.Member(1), blocker.Id, None);
        var again = await world.Service.AffectsMeTooAsync(BlockerWorld.Scope(), BlockerWorld.Member(1), blocker.Id, None);
        var reporter = await world.Service.AffectsMeTooAsync(BlockerWorld.Scope(), BlockerWorld.Reporter, blocker.Id, None);
        var second = await world.Service.AffectsMeTooAsync(BlockerWorld.Scope(), BlockerWorld.Member(2), blocker.Id, None);

        Assert.Equal(2, first.Blocker!.AffectsCount);
        Assert.Equal(BlockerRefusal.AlreadyCounted, again.Refusal);
        Assert.Equal(BlockerRefusal.AlreadyCounted, reporter.Refusal);
        Assert.Equal(3, second.Blocker!.AffectsCount);
        Assert.Equal(3, (await world.Service.TriageAsync(BlockerWorld.Scope(), 10, null, None)).Items.Single().AffectsCount);
    }

    [Fact]
    public async Task Merging_points_the_duplicate_at_the_kept_one_and_counts_each_person_once()
    {
        var world = await BlockerWorld.NewAsync();
        var kept = await world.ReportAsync(by: BlockerWorld.Member(1));
        var duplicate = await world.ReportAsync(by: BlockerWorld.Member(2));
        await world.Service.AffectsMeTooAsync(BlockerWorld.Scope(), BlockerWorld.Member(3), kept.Id, None);
        await world.Service.AffectsMeTooAsync(BlockerWorld.Scope(), BlockerWorld.Member(3), duplicate.Id, None);
        await world.Service.AffectsMeTooAsync(BlockerWorld.Scope(), BlockerWorld.Member(1), duplicate.Id, None);
        await world.Service.AffectsMeTooAsync(BlockerWorld.Scope(), BlockerWorld.Member(4), duplicate.Id, None);

        var merged = await world.Service.MergeAsync(BlockerWorld.Scope(), BlockerWorld.Leader, duplicate.Id, kept.Id, None);

        Assert.Equal(BlockerStatus.Merged, merged.Blocker!.Status);
        Assert.Equal(kept.Id, merged.Blocker.MergedInto);
        // Kept: members 1 and 3; the duplicate brings 2 (its reporter) and 4 new, and 1 and 3 again.
        Assert.Equal(4, (await world.Store.FindAsync(BlockerWorld.Tenant, kept.Id, None))!.AffectsCount);
        Assert.Equal([kept.Id], (await world.Service.TriageAsync(BlockerWorld.Scope(), 10, null, None)).Items.Select(i => i.Id));
        Assert.Equal(BlockerRefusal.Final, (await world.Service.MergeAsync(BlockerWorld.Scope(), BlockerWorld.Leader, duplicate.Id, kept.Id, None)).Refusal);
        Assert.Equal(4, (await world.Store.FindAsync(BlockerWorld.Tenant, kept.Id, None))!.AffectsCount);
    }

    [Fact]
    public async Task A_blocker_is_not_merged_into_itself_another_teams_or_a_closed_one()
    {
        var world = await BlockerWorld.NewAsync();
        var one = await world.ReportAsync();
        var elsewhere = await world.ReportAsync(team: "19:team-b");
        var closed = await world.ReportAsync();
        await world.MoveAsync(closed.Id, BlockerStatus.Changed, "we did: it");

        Assert.Equal(BlockerRefusal.Same, (await world.Service.MergeAsync(BlockerWorld.Scope(), BlockerWorld.Leader, one.Id, one.Id, None)).Refusal);
        Assert.Equal(BlockerRefusal.NotFound, (await world.Service.MergeAsync(BlockerWorld.Scope(), BlockerWorld.Leader, one.Id, elsewhere.Id, None)).Refusal);
        Assert.Equal(BlockerRefusal.NotFound, (await world.Service.MergeAsync(BlockerWorld.Scope(), BlockerWorld.Leader, elsewhere.Id, one.Id, None)).Refusal);
        Assert.Equal(BlockerRefusal.Final, (await world.Service.MergeAsync(BlockerWorld.Scope(), BlockerWorld.Leader, one.Id, closed.Id, None)).Refusal);
        Assert.Equal(BlockerStatus.New, (await world.Store.FindAsync(BlockerWorld.Tenant, one.Id, None))!.Status);
    }

    [Fact]
    public async Task Passing_starts_it_again_as_new_in_the_other_team_and_history_keeps_the_pass()
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();
        await world.MoveAsync(blocker.Id, BlockerStatus.Acknowledged);

        var passed = await world.Service.PassAsync(BlockerWorld.Scope(), BlockerWorld.Leader, blocker.Id, "19:team-b", None);

        Assert.Equal(BlockerStatus.New, passed.Blocker!.Status);
        Assert.Equal("19:team-b", passed.Blocker.TeamId);
        Assert.Contains(passed.Blocker.History, e => e.Kind == BlockerEventKind.Passed && e.FromTeam == BlockerWorld.Team && e.ToTeam == "19:team-b");
        Assert.Empty((await world.Service.TriageAsync(BlockerWorld.Scope(), 10, null, None)).Items);
        Assert.Equal([blocker.Id], (await world.Service.TriageAsync(BlockerWorld.Scope("19:team-b"), 10, null, None)).Items.Select(i => i.Id));
        Assert.Null(await world.Service.FindAsync(BlockerWorld.Scope(), blocker.Id, None));
        Assert.Equal(BlockerRefusal.Same, (await world.Service.PassAsync(BlockerWorld.Scope("19:team-b"), BlockerWorld.Leader, blocker.Id, "19:team-b", None)).Refusal);
        Assert.NotNull(passed.Notice);
    }

    [Fact]
    public async Task Triage_lists_new_then_acknowledged_then_in_progress_newest_day_first_in_pages()
    {
        var world = await BlockerWorld.NewAsync();
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await world.ReportAsync(named: true)).Id);
            world.Time.Advance(TimeSpan.FromDays(1));
        }

        await world.MoveAsync(ids[0], BlockerStatus.Acknowledged);
        await world.MoveAsync(ids[1], BlockerStatus.Acknowledged);
        await world.MoveAsync(ids[1], BlockerStatus.InProgress);
        await world.MoveAsync(ids[2], BlockerStatus.Changed, "we did: it");

        var first = await world.Service.TriageAsync(BlockerWorld.Scope(), 3, null, None);
        var second = await world.Service.TriageAsync(BlockerWorld.Scope(), 3, first.Continuation, None);

        Assert.Equal([ids[5], ids[4], ids[3], ids[0], ids[1]], first.Items.Concat(second.Items).Select(i => i.Id));
        Assert.Equal([ids[2]], (await world.Service.TeamAsync(BlockerWorld.Scope(), 10, None)).RecentlyClosed.Select(i => i.Id));
    }

    [Fact]
    public async Task The_team_list_shows_closed_blockers_for_thirty_days()
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();
        await world.MoveAsync(blocker.Id, BlockerStatus.NotChanging, "because: outside our control");

        world.Time.Advance(TimeSpan.FromDays(29));
        Assert.Single((await world.Service.TeamAsync(BlockerWorld.Scope(), 10, None)).RecentlyClosed);
        world.Time.Advance(TimeSpan.FromDays(2));
        Assert.Empty((await world.Service.TeamAsync(BlockerWorld.Scope(), 10, None)).RecentlyClosed);
    }

    [Fact]
    public async Task Leaders_moves_merges_and_passes_are_audited_by_id_and_refusals_are_not()
    {
        var world = await BlockerWorld.NewAsync();
        var kept = await world.ReportAsync();
        var duplicate = await world.ReportAsync();
        await world.MoveAsync(kept.Id, BlockerStatus.Acknowledged);
        await world.MoveAsync(kept.Id, BlockerStatus.New);
        await world.MoveAsync(kept.Id, BlockerStatus.InProgress, by: BlockerWorld.Member(1));
        await world.Service.MergeAsync(BlockerWorld.Scope(), BlockerWorld.Leader, duplicate.Id, kept.Id, None);
        await world.Service.PassAsync(BlockerWorld.Scope(), BlockerWorld.Leader, kept.Id, "19:team-b", None);

        Assert.Equal(
            [(AuditAction.BlockerMoved, kept.Id), (AuditAction.BlockerMerged, duplicate.Id), (AuditAction.BlockerPassed, kept.Id)],
            world.Audit.Entries.Select(e => (e.Action, e.Subject!)));
        Assert.All(world.Audit.Entries, e => Assert.Equal(BlockerWorld.Leader.TeamsId, e.ActorId));
    }
}
