using Azure.Data.Tables;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Privacy;
using KindnessBot.Testing;

namespace KindnessBot.Core.Tests.Learning;

/// <summary>
/// The weekly aggregates against Azurite: a generated mix of events counted by two hosts at once (each with its own
/// client), with every event sent twice, agrees with a recomputation from the raw events, and a dashboard's weeks are
/// one key range that reads no markers.
/// </summary>
public sealed class WeeklyAggregatesTests
{
    private const string Tenant = "tenant-a";
    private static readonly string[] Teams = ["19:team-a", "19:team-b"];
    private static readonly string[] Metrics = ["recognitions_listening", "blockers_raised", "blockers_changed", "reflection_answers"];
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly PersonKey Keys = new PrivacyKeys(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).Tags;

    private static async Task<(TableClient First, TableClient Second)> TwoHostsAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        var name = Azurite.NewTablePrefix() + "Aggregates";
        var first = new TableServiceClient(azurite.ConnectionString).GetTableClient(name);
        await first.CreateIfNotExistsAsync(None);
        return (first, new TableServiceClient(azurite.ConnectionString).GetTableClient(name));
    }

    [Fact]
    public async Task Events_counted_by_two_hosts_at_once_and_each_sent_twice_agree_with_a_recomputation_from_the_raw_events()
    {
        var (first, second) = await TwoHostsAsync();
        var random = new Random(20261202);
        var start = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(0, 300).Select(i => new Measure(
            Tenant,
            Teams[random.Next(Teams.Length)],
            Metrics[random.Next(Metrics.Length)],
            $"event-{i}",
            start.AddHours(random.Next(24 * 7 * 6)),
            PersonId: $"tag-{random.Next(12)}")).ToList();

        // Two hosts at once, each with four workers, and every event reaches both (a retry, a second instance).
        var hosts = new[] { new WeeklyAggregates(first, Keys), new WeeklyAggregates(second, Keys) };
        var shuffled = events.OrderBy(_ => random.Next()).ToList();
        var counted = await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var (host, stream) = (hosts[worker % 2], worker % 2 == 0 ? events : shuffled);
            var mine = 0;
            for (var i = worker / 2; i < stream.Count; i += 4)
            {
                mine += await host.CountAsync(stream[i], None) ? 1 : 0;
            }

            return mine;
        }));

        Assert.Equal(events.Count, counted.Sum());
        var expected = AggregateCheck.Recompute(events);
        foreach (var team in Teams)
        {
            var stored = await hosts[0].WeeksAsync(Tenant, team, DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(start.AddDays(60).UtcDateTime), None);
            Assert.NotEmpty(stored);
            Assert.Empty(AggregateCheck.Differences(team, stored, expected));
        }
    }

    [Fact]
    public async Task A_week_that_differs_from_its_events_is_found_and_a_dashboard_s_weeks_take_one_request()
    {
        var (table, _) = await TwoHostsAsync();
        var counting = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counting, Azure.Core.HttpPipelinePosition.PerCall);
        var aggregates = new WeeklyAggregates(new TableServiceClient((await SharedAzurite.GetAsync()).ConnectionString, options).GetTableClient(table.Name), Keys);
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(0, 40).Select(i => new Measure(Tenant, Teams[0], "blockers_raised", $"e{i}", at.AddDays(i % 14), PersonId: $"p{i % 6}")).ToList();
        foreach (var e in events)
        {
            await aggregates.CountAsync(e, None);
        }

        counting.Clear();
        var weeks = await aggregates.WeeksAsync(Tenant, Teams[0], DateOnly.FromDateTime(at.UtcDateTime), DateOnly.FromDateTime(at.AddDays(13).UtcDateTime), None);
        var requests = counting.Requests.Count;
        var missing = AggregateCheck.Differences(Teams[0], weeks, AggregateCheck.Recompute(events.Append(events[0] with { EventId = "not-counted" })));

        Assert.Equal(1, requests); // the two week rows alone, though the weeks hold 80 markers
        Assert.Equal(2, weeks.Count);
        Assert.Equal(40, weeks.Sum(w => w.Counts["blockers_raised"]));
        Assert.All(weeks, w => Assert.Equal(6, w.People["blockers_raised"]));
        Assert.Equal(["2026-W49 blockers_raised count: stored 21, events make 22"], missing);
    }
}
