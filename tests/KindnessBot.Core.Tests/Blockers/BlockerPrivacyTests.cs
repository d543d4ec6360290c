using System.Security.Cryptography;
using System.Text;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Retention;

namespace KindnessBot.Core.Tests.Blockers;

public sealed class BlockerPrivacyTests
{
    private const string ReporterChatId = "a:1reporter-secret-personal-chat";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_anonymous_report_keeps_no_reporter_id_in_any_row()
    {
        var world = await BlockerWorld.NewAsync();
        var reporter = BlockerWorld.Reporter;
        var member = BlockerWorld.Member(7);
        var blocker = await world.ReportAsync();
        var duplicate = await world.ReportAsync();
        await world.Service.AffectsMeTooAsync(BlockerWorld.Scope(), member, blocker.Id, None);
        await world.MoveAsync(blocker.Id, BlockerStatus.Acknowledged);
        await world.Service.MergeAsync(BlockerWorld.Scope(), BlockerWorld.Leader, duplicate.Id, blocker.Id, None);
        await world.Service.PassAsync(BlockerWorld.Scope(), BlockerWorld.Leader, blocker.Id, "19:team-b", None);

        var secrets = new[] { reporter.TeamsId, reporter.AadObjectId!, reporter.Name, ReporterChatId, member.TeamsId, member.AadObjectId!, member.Name, BlockerWorld.Leader.TeamsId }
            .SelectMany(s => new[] { s, "reporter-secret", UnkeyedHash(s), UnkeyedHashBase64(s) })
            .ToList();
        var rows = await world.AllRowsAsync();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var texts = row.Select(p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").Append(row.PartitionKey).Append(row.RowKey).ToList();
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public async Task An_anonymous_report_keeps_the_day_only_and_its_list_row_does_not_name_the_blocker()
    {
        var world = await BlockerWorld.NewAsync();
        var blocker = await world.ReportAsync();

        Assert.Equal(TimeSpan.Zero, blocker.CreatedAt.TimeOfDay);
        var listRows = (await world.AllRowsAsync()).Where(r => r.PartitionKey.Contains("|p|", StringComparison.Ordinal)).ToList();
        var listed = Assert.Single(listRows);
        Assert.DoesNotContain(listed, p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!.Contains(blocker.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(blocker.Id, listed.RowKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_reports_lists_an_anonymous_persons_own_reports_with_their_status()
    {
        var world = await BlockerWorld.NewAsync();
        var anonymous = await world.ReportAsync();
        var named = await world.ReportAsync(named: true);
        await world.ReportAsync(by: BlockerWorld.Member(1));
        await world.MoveAsync(anonymous.Id, BlockerStatus.Changed, "we did: fixed the rota");

        var mine = await world.Service.MyReportsAsync(BlockerWorld.Tenant, BlockerWorld.Reporter, None);

        Assert.Equal(2, mine.Count);
        var own = Assert.Single(mine, r => r.Anonymous);
        Assert.Equal((anonymous.Id, BlockerStatus.Changed, "we did: fixed the rota"), (own.BlockerId, own.Status, own.Outcome));
        Assert.Contains(mine, r => r.BlockerId == named.Id && !r.Anonymous);
        Assert.Single(await world.Service.MyReportsAsync(BlockerWorld.Tenant, BlockerWorld.Member(1), None));
        Assert.Empty(await world.Service.MyReportsAsync("tenant-2", BlockerWorld.Reporter, None));
    }

    [Fact]
    public async Task My_data_shows_named_reports_and_deleting_it_leaves_them_reporterless()
    {
        var world = await BlockerWorld.NewAsync();
        var named = await world.ReportAsync(named: true);
        var anonymous = await world.ReportAsync();

        var export = await world.PersonalData.ExportAsync(BlockerWorld.Tenant, BlockerWorld.Reporter, None);
        var erased = await world.PersonalData.EraseAsync(BlockerWorld.Tenant, BlockerWorld.Reporter, None);
        var again = await world.PersonalData.EraseAsync(BlockerWorld.Tenant, BlockerWorld.Reporter, None);

        var item = Assert.Single(Assert.Single(export).Items);
        Assert.Equal(named.Id, item["RowKey"]);
        Assert.Equal((2, 2), (erased.Erased, erased.Anonymised));
        Assert.Equal(0, again.Total);
        var namedNow = await world.Store.FindAsync(BlockerWorld.Tenant, named.Id, None);
        var anonymousNow = await world.Store.FindAsync(BlockerWorld.Tenant, anonymous.Id, None);
        Assert.Null(namedNow!.ReporterId);
        Assert.Null(namedNow.ReporterName);
        Assert.Null(anonymousNow!.SealedAddress);
        Assert.Null((await world.MoveAsync(named.Id, BlockerStatus.Acknowledged)).Notice);
        Assert.Empty(await world.Service.MyReportsAsync(BlockerWorld.Tenant, BlockerWorld.Reporter, None));
        Assert.DoesNotContain(await world.AllRowsAsync(), r => r.Select(p => p.Value).OfType<string>().Any(v => v.Contains(BlockerWorld.Reporter.TeamsId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Closed_blockers_go_a_year_after_closing_with_their_index_rows_and_open_ones_stay()
    {
        var world = await BlockerWorld.NewAsync();
        var closed = await world.ReportAsync();
        var open = await world.ReportAsync();
        await world.Service.AffectsMeTooAsync(BlockerWorld.Scope(), BlockerWorld.Member(1), closed.Id, None);
        await world.MoveAsync(closed.Id, BlockerStatus.Changed, "we did: it");
        var sweep = new BlockerRetention(world.Storage, world.Store, world.Time);

        world.Time.Advance(TimeSpan.FromDays(364));
        Assert.Equal(0, await sweep.SweepAsync(RetentionCutoff.At(world.Time.GetUtcNow(), new RetentionOptions()), 100, None));
        world.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await sweep.SweepAsync(RetentionCutoff.At(world.Time.GetUtcNow(), new RetentionOptions()), 100, None));

        var rows = await world.AllRowsAsync();
        Assert.DoesNotContain(rows, r => r.RowKey.Contains(closed.Id, StringComparison.Ordinal) || r.PartitionKey.Contains(closed.Id, StringComparison.Ordinal) || r.GetString("Id") == closed.Id);
        Assert.NotNull(await world.Store.FindAsync(BlockerWorld.Tenant, open.Id, None));
        Assert.Single((await world.Service.TriageAsync(BlockerWorld.Scope(), 10, null, None)).Items);
    }

    private static string UnkeyedHash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string UnkeyedHashBase64(string value) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(value))).TrimEnd('=');
}
