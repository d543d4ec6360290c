using Azure.Data.Tables;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Tests.Blockers;

public sealed class BlockerScaleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact(Timeout = 60_000)]
    public async Task A_team_with_five_thousand_blockers_is_read_by_key_ranges_in_a_bounded_number_of_requests()
    {
        var world = await BlockerWorld.NewAsync();
        var now = world.Time.GetUtcNow();
        var blockers = Enumerable.Range(0, 5000).Select(i => Make(i, now)).ToList();
        foreach (var chunk in blockers.Select(BlockerRows.IndexRow).Chunk(TableSweep.Batch))
        {
            await world.Storage.Blockers.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), None);
        }

        // Another team's rows sit beside them and must not be read.
        await world.ReportAsync(team: "19:team-b");
        world.Counting.Clear();

        var triage = await world.Service.TriageAsync(BlockerWorld.Scope(), 50, null, None);
        var next = await world.Service.TriageAsync(BlockerWorld.Scope(), 50, triage.Continuation, None);
        Assert.Equal(2, world.Counting.CountFor(BlockerStorage.BlockersName));
        Assert.All(triage.Items.Concat(next.Items), i => Assert.Equal(BlockerStatus.New, i.Status));
        Assert.Equal(triage.Items.Select(i => i.CreatedAt).OrderDescending(), triage.Items.Select(i => i.CreatedAt));
        Assert.True(triage.Items[^1].CreatedAt >= next.Items[0].CreatedAt);

        world.Counting.Clear();
        var team = await world.Service.TeamAsync(BlockerWorld.Scope(), 5000, None);
        Assert.Equal(3000, team.Open.Count);
        Assert.Equal(1000, team.RecentlyClosed.Count);
        Assert.All(team.RecentlyClosed, c => Assert.True(c.ClosedAt >= now - TimeSpan.FromDays(30)));
        Assert.Equal([BlockerStatus.New, BlockerStatus.Acknowledged, BlockerStatus.InProgress], team.Open.Select(o => o.Status).Distinct());
        // 3,000 open rows in pages of 1,000, and 1,000 recent closed ones: a page or two each, never a scan.
        Assert.InRange(world.Counting.CountFor(BlockerStorage.BlockersName), 2, 6);
    }

    private static Blocker Make(int i, DateTimeOffset now)
    {
        var created = now - TimeSpan.FromMinutes(i * 7);
        var status = (i % 5) switch
        {
            0 => BlockerStatus.New,
            1 => BlockerStatus.Acknowledged,
            2 => BlockerStatus.InProgress,
            3 => BlockerStatus.Changed,
            _ => BlockerStatus.NotChanging,
        };
        var closed = BlockerMoves.IsClosed(status);
        return new Blocker
        {
            TenantId = BlockerWorld.Tenant,
            Id = RecordKey.New(created),
            TeamId = BlockerWorld.Team,
            What = $"Blocker {i}",
            Where = BlockerWhere.Process,
            Affected = BlockerAffected.PeopleWeServe,
            Status = status,
            Anonymous = true,
            AffectsCount = 1,
            CreatedAt = created,
            UpdatedAt = created,
            // Half the closed ones closed in the last 30 days, half long before.
            ClosedAt = closed ? (i % 10 < 5 ? now - TimeSpan.FromDays(1) : now - TimeSpan.FromDays(40)) : null,
            Outcome = closed ? "we did: it" : null,
        };
    }
}
