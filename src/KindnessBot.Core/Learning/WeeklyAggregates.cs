using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Learning;

/// <summary>
/// Per-team, per-week counts for the Learning commitment's dashboard (issue 15), kept as things happen so a dashboard
/// reads a team's weeks in one partition, never the raw rows. Each event is counted exactly once: its marker and the
/// week's counts are written in one table transaction under the week row's ETag, so a retried event counts nothing more
/// and two hosts counting at once lose nothing (the loser reads again). Each count also keeps how many distinct people
/// it comes from (keyed tags, in the same transaction), which the five-person rule needs. People are
/// counted by a keyed tag scoped to the team, week and metric, so markers cannot be joined across weeks or to a person.
/// </summary>
public sealed class WeeklyAggregates(TableClient table, PersonKey tags)
{
    private const int Attempts = 20;
    private const string TagPurpose = "aggregate-person";
    private const string EventPurpose = "aggregate-event";

    /// <summary>Counts <paramref name="e"/> once; false when it was counted before.</summary>
    public async Task<bool> CountAsync(Measure e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!AggregateKeys.IsMetric(e.Metric))
        {
            throw new ArgumentException("A metric is lower-case letters, digits and underscores.", nameof(e));
        }

        var partition = AggregateKeys.Partition(e.TenantId, e.TeamId);
        var week = AggregateKeys.Week(e.At);
        var weekRow = AggregateKeys.WeekRow(week);
        // Event ids can hold a person's id (a read is "statement|person"): the marker keeps only a keyed tag of it.
        var marker = AggregateKeys.EventRow(week, e.Metric, tags.For(e.TenantId, EventPurpose, $"{e.TeamId}|{e.Metric}", e.EventId));
        var person = e.PersonId is null ? null : AggregateKeys.PersonRow(week, e.Metric, tags.For(e.TenantId, TagPurpose, $"{e.TeamId}|{week}|{e.Metric}", e.PersonId));
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // The three reads at once: one round trip's wait, not three.
            var counted = table.GetEntityIfExistsAsync<TableEntity>(partition, marker, select: ["RowKey"], cancellationToken: cancellationToken);
            var reading = table.GetEntityIfExistsAsync<TableEntity>(partition, weekRow, cancellationToken: cancellationToken);
            var seen = person is null ? null : table.GetEntityIfExistsAsync<TableEntity>(partition, person, select: ["RowKey"], cancellationToken: cancellationToken);
            if ((await counted).HasValue)
            {
                return false;
            }

            var current = await reading;
            var newPerson = seen is not null && !(await seen).HasValue;
            var row = current.HasValue ? current.Value! : new TableEntity(partition, weekRow) { ["Kind"] = "week", ["Week"] = week };
            row[AggregateKeys.CountOf(e.Metric)] = (row.GetInt64(AggregateKeys.CountOf(e.Metric)) ?? 0) + e.Amount;
            if (newPerson)
            {
                row[AggregateKeys.PeopleOf(e.Metric)] = (row.GetInt64(AggregateKeys.PeopleOf(e.Metric)) ?? 0) + 1;
            }

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, new TableEntity(partition, marker)),
                current.HasValue ? new(TableTransactionActionType.UpdateReplace, row, current.Value!.ETag) : new(TableTransactionActionType.Add, row),
            };
            if (newPerson)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, person!)));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another host counted in this week (or this very event) meanwhile: read again, after a short random
                // wait so the hosts do not collide again in step.
                await Task.Delay(Random.Shared.Next(1, 10 * (attempt + 1)), cancellationToken);
            }
        }

        throw new InvalidOperationException($"Could not count a {e.Metric} event after {Attempts} attempts.");
    }

    /// <summary>A team's weeks from <paramref name="from"/> to <paramref name="to"/> (ISO weeks, inclusive): one key range of one partition.</summary>
    public async Task<IReadOnlyList<WeekCounts>> WeeksAsync(string tenantId, string teamId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AggregateKeys.Partition(tenantId, teamId)} and RowKey ge {AggregateKeys.WeekRow(AggregateKeys.Week(from))} and RowKey le {AggregateKeys.WeekRow(AggregateKeys.Week(to))}");
        var weeks = new List<WeekCounts>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.GetString("Kind") == "week")
            {
                weeks.Add(Read(row));
            }
        }

        return weeks;
    }

    /// <summary>Every team's weeks from <paramref name="from"/> to <paramref name="to"/>, by team (the whole organisation's under <see cref="AggregateKeys.WholeOrganisation"/>): one query.</summary>
    public async Task<IReadOnlyDictionary<string, List<WeekCounts>>> AllTeamsAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var prefix = AggregateKeys.PartitionPrefix(tenantId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix[..^1] + "}"} and RowKey ge {AggregateKeys.WeekRow(AggregateKeys.Week(from))} and RowKey le {AggregateKeys.WeekRow(AggregateKeys.Week(to))}");
        var teams = new Dictionary<string, List<WeekCounts>>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.GetString("Kind") == "week")
            {
                var team = TableKey.Decode(row.PartitionKey[prefix.Length..]);
                (teams.TryGetValue(team, out var weeks) ? weeks : teams[team] = []).Add(Read(row));
            }
        }

        return teams;
    }

    /// <summary>
    /// Sets a team's weeks from <paramref name="from"/> to <paramref name="to"/> to what <paramref name="measures"/> (the
    /// team's, replayed from the raw rows) make, removing weeks they do not make, and writes every marker they would have
    /// written: a measure still on its way from before the rebuild then finds itself counted, not counted twice. For
    /// "rebuild aggregates".
    /// </summary>
    public async Task ReplaceAsync(string tenantId, string teamId, IReadOnlyCollection<Measure> measures, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var partition = AggregateKeys.Partition(tenantId, teamId);
        var actions = new List<TableTransactionAction>();
        var markers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in measures)
        {
            var week = AggregateKeys.Week(e.At);
            markers.Add(AggregateKeys.EventRow(week, e.Metric, tags.For(e.TenantId, EventPurpose, $"{e.TeamId}|{e.Metric}", e.EventId)));
            if (e.PersonId is not null)
            {
                markers.Add(AggregateKeys.PersonRow(week, e.Metric, tags.For(e.TenantId, TagPurpose, $"{e.TeamId}|{week}|{e.Metric}", e.PersonId)));
            }
        }

        actions.AddRange(markers.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, m))));
        var wanted = AggregateCheck.Recompute(measures).Where(w => w.Key.TeamId == teamId).ToDictionary(w => AggregateKeys.WeekRow(w.Key.Week), w => w.Value, StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {AggregateKeys.WeekRow(AggregateKeys.Week(from))} and RowKey le {AggregateKeys.WeekRow(AggregateKeys.Week(to))}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (!wanted.ContainsKey(row.RowKey))
            {
                actions.Add(new(TableTransactionActionType.Delete, row, ETag.All));
            }
        }

        foreach (var (rowKey, week) in wanted)
        {
            var entity = new TableEntity(partition, rowKey) { ["Kind"] = "week", ["Week"] = week.Week };
            foreach (var (metric, count) in week.Counts)
            {
                entity[AggregateKeys.CountOf(metric)] = count;
            }

            foreach (var (metric, people) in week.People)
            {
                entity[AggregateKeys.PeopleOf(metric)] = people;
            }

            actions.Add(new(TableTransactionActionType.UpsertReplace, entity));
        }

        foreach (var batch in actions.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    internal static WeekCounts Read(TableEntity row) => new(
        row.GetString("Week") ?? "",
        Prefixed(row, AggregateKeys.CountPrefix),
        Prefixed(row, AggregateKeys.PeoplePrefix));

    private static Dictionary<string, long> Prefixed(TableEntity row, string prefix) =>
        row.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(k => k[prefix.Length..], k => row.GetInt64(k) ?? 0, StringComparer.Ordinal);
}

/// <summary>One team's week: each metric's count, and how many distinct people each comes from.</summary>
public sealed record WeekCounts(string Week, IReadOnlyDictionary<string, long> Counts, IReadOnlyDictionary<string, long> People);

/// <summary>
/// Every key of the aggregates, tenant first, one partition per team ("{tenant}|w|{team}"): week rows "w|{ISO week}"
/// (a dashboard's weeks are one key range of them alone), and each week's event and person markers "x|{ISO week}|…".
/// </summary>
public static class AggregateKeys
{
    public const string CountPrefix = "n_";
    public const string PeoplePrefix = "p_";

    public static bool IsMetric(string metric) => metric is { Length: > 0 and <= 100 } && metric.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    public static string WeekRow(string week) => "w|" + week;

    /// <summary>The team id the whole organisation's counts are kept under (no Teams id is "*").</summary>
    public const string WholeOrganisation = "*";

    public static string Partition(string tenantId, string teamId) => TableKey.Compose(tenantId, "w", teamId);

    /// <summary>What every team partition of a tenant starts with.</summary>
    public static string PartitionPrefix(string tenantId) => TableKey.Compose(tenantId, "w") + "|";

    public static string Week(DateTimeOffset at) => IsoWeeks.Of(at);

    public static string Week(DateOnly day) => IsoWeeks.Of(day);

    public static string EventRow(string week, string metric, string eventId) => $"x|{week}|e|{metric}|{TableKey.Encode(eventId)}";

    public static string PersonRow(string week, string metric, string personTag) => $"x|{week}|p|{metric}|{TableKey.Encode(personTag)}";

    /// <summary>The week row's property holding a metric's count.</summary>
    public static string CountOf(string metric) => CountPrefix + metric;

    /// <summary>The week row's property holding how many distinct people a metric's count comes from.</summary>
    public static string PeopleOf(string metric) => PeoplePrefix + metric;
}
