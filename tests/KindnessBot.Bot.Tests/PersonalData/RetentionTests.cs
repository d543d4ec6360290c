using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Audit;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Retention;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.PersonalData;

/// <summary>The daily retention run on a clock the test moves: only what is older than the period goes, a few rows at a time, once a day across instances.</summary>
public class RetentionTests(RetentionTests.Host fixture) : IClassFixture<RetentionTests.Host>
{
    /// <summary>Small batches (five rows, two steps per table per run), so a run cannot do everything at once.</summary>
    public sealed class Host : PersonalDataHost
    {
        public Host()
            : base(new Dictionary<string, string?> { ["Retention:BatchSize"] = "5", ["Retention:MaxBatchesPerTable"] = "2" })
        {
        }
    }

    private static readonly string[] SweptTables = ["Recognitions", "Permissions", "ReflectionAnswers", "AuditLog", "Conversations"];

    private TeamHost Bot => fixture.Host;

    private PersonalDataWorld World => new(Bot);

    private RetentionRun Run => Bot.Services.GetRequiredService<RetentionRun>();

    private async Task<List<string>> RowsAsync() =>
        [.. (await World.AllRowsAsync()).Where(r => SweptTables.Contains(r.Table)).Select(r => $"{r.Table} {r.Row.PartitionKey} {r.Row.RowKey} {r.Row.ETag}").Order(StringComparer.Ordinal)];

    private async Task SeedRemovedConversationAsync(string id, DateTimeOffset removedAt)
    {
        var store = Bot.Services.GetRequiredService<IConversationStore>();
        await store.SaveAsync(new ConversationRecord
        {
            TenantId = PersonalDataWorld.TenantId,
            ConversationId = id,
            Kind = ConversationKind.GroupChat,
            ServiceUrl = Bot.Connector.ServiceUrl.ToString(),
            ChannelId = "msteams",
            BotId = TeamsActivities.BotId,
            LastSeenAt = removedAt,
        }, default);
        await store.MarkRemovedAsync(PersonalDataWorld.TenantId, id, removedAt, default);
    }

    [Fact]
    public async Task With_the_clock_moved_on_only_rows_older_than_the_period_go_a_few_at_a_time_over_several_daily_runs()
    {
        fixture.Time.Advance(TimeSpan.FromDays(1)); // a day no other test has run
        var now = fixture.Time.GetUtcNow();
        var period = TimeSpan.FromDays(730);
        await World.SeedAsync(PersonalDataWorld.NewPerson("New"), PersonalDataWorld.NewPerson("Newer"), now - period + TimeSpan.FromDays(20));
        await SeedRemovedConversationAsync("19:removed-lately@thread.v2", now - TimeSpan.FromDays(5));
        var audit = Bot.Services.GetRequiredService<IAuditLog>();
        await audit.RecordAsync(new AuditEntry(PersonalDataWorld.TenantId, now - period - TimeSpan.FromDays(60), "29:lee", "Lee Lead", AuditAction.StatementPosted, PersonalDataWorld.Team), default);
        var kept = await RowsAsync();

        await World.SeedAsync(PersonalDataWorld.NewPerson("Old"), PersonalDataWorld.NewPerson("Older"), now - period - TimeSpan.FromDays(60));
        await SeedRemovedConversationAsync("19:removed-long-ago@thread.v2", now - period - TimeSpan.FromDays(1));

        // Audit entries older than the period stay: the log has its own, longer one (six years), and only older ones go.
        var auditWithinItsPeriod = (await RowsAsync()).Except(kept).Where(r => r.StartsWith("AuditLog", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, auditWithinItsPeriod.Count);
        kept = [.. kept.Concat(auditWithinItsPeriod).Order(StringComparer.Ordinal)];
        await audit.RecordAsync(new AuditEntry(PersonalDataWorld.TenantId, now - TimeSpan.FromDays(6 * 365 + 10), "29:lee", "Lee Lead", AuditAction.StatementPosted, PersonalDataWorld.Team), default);
        var old = (await RowsAsync()).Except(kept).ToList();
        Assert.True(old.Count(r => r.StartsWith("Recognitions", StringComparison.Ordinal)) > 10, "enough old recognition rows that one run cannot remove them all");

        var reports = new List<RetentionReport>();
        for (var day = 0; day < 10 && reports.LastOrDefault()?.Finished != true; day++)
        {
            reports.Add((await Run.RunAsync("instance-a", default))!);
            fixture.Time.Advance(TimeSpan.FromDays(1));
        }

        var after = await RowsAsync();
        Assert.True(kept.SequenceEqual(after), "gone: " + string.Join("\n", kept.Except(after)) + "\nleft: " + string.Join("\n", after.Except(kept)));
        Assert.Equal(old.Count, reports.Sum(r => r.Total));
        Assert.All(reports, r => Assert.All(r.Removed.Values, count => Assert.InRange(count, 0, 10)));
        Assert.False(reports[0].Finished);
        Assert.True(reports.Count > 1 && reports[^1].Finished, "the last run reaches the end");
    }

    [Fact]
    public async Task Two_instances_trying_the_same_day_run_it_once()
    {
        fixture.Time.Advance(TimeSpan.FromDays(30));
        var other = ActivatorUtilities.CreateInstance<RetentionRun>(Bot.Services);

        var results = await Task.WhenAll(Run.RunAsync("instance-a", default), other.RunAsync("instance-b", default), Run.RunAsync("instance-a", default));

        Assert.Single(results, r => r is not null);
        Assert.Null(await other.RunAsync("instance-b", default));
        fixture.Time.Advance(TimeSpan.FromDays(1));
        Assert.NotNull(await other.RunAsync("instance-b", default));
    }
}
