using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Learning;

/// <summary>
/// Per-team, per-week counts for the Learning commitment's dashboard (issue 15), kept as things happen so a dashboard
/// reads a team's weeks in one partition, never the raw rows. Each event is counted exactly once: its marker and the
/// week's counts are written in one table transaction under the week row's ETag, so a retried event counts nothing more
/// and two hosts counting at once lose nothing (the loser reads again). Each count also keeps how many distinct people
/// it comes from (keyed tags, in the same transaction), which the five-person rule needs. Not yet wired into features.
/// </summary>
public sealed class WeeklyAggregates(TableClient table)
{
    private const int Attempts = 20;

    /// <summary>Counts <paramref name="e"/> once; false when it was counted before.</summary>
    public async Task<bool> CountAsync(AggregateEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!AggregateKeys.IsMetric(e.Metric))
        {
            throw new ArgumentException("A metric is lower-case letters, digits and underscores.", nameof(e));
        }

        var partition = AggregateKeys.Partition(e.TenantId, e.TeamId);
        var week = AggregateKeys.Week(e.At);
        var weekRow = AggregateKeys.WeekRow(week);
        var marker = AggregateKeys.EventRow(week, e.Metric, e.EventId);
        var person = e.PersonTag is null ? null : AggregateKeys.PersonRow(week, e.Metric, e.PersonTag);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if ((await table.GetEntityIfExistsAsync<TableEntity>(partition, marker, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue)
            {
                return false;
            }

            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, weekRow, cancellationToken: cancellationToken);
            var newPerson = person is not null && !(await table.GetEntityIfExistsAsync<TableEntity>(partition, person, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;
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

    internal static WeekCounts Read(TableEntity row) => new(
        row.GetString("Week") ?? "",
        Prefixed(row, AggregateKeys.CountPrefix),
        Prefixed(row, AggregateKeys.PeoplePrefix));

    private static Dictionary<string, long> Prefixed(TableEntity row, string prefix) =>
        row.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(k => k[prefix.Length..], k => row.GetInt64(k) ?? 0, StringComparer.Ordinal);
}

/// <summary>
/// Something that happened in a team, to be counted in its week: <see cref="Metric"/> is "feature_what" (lower-case
/// letters, digits and underscores, for example "blockers_changed"), <see cref="EventId"/> makes it count once, <see cref="PersonTag"/> (a keyed
/// tag, never an id) says whose it was for the distinct-people count.
/// </summary>
public sealed record AggregateEvent(string TenantId, string TeamId, string Metric, string EventId, DateTimeOffset At, long Amount = 1, string? PersonTag = null);

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

    public static string Partition(string tenantId, string teamId) => TableKey.Compose(tenantId, "w", teamId);

    public static string Week(DateTimeOffset at) => Week(DateOnly.FromDateTime(at.UtcDateTime));

    public static string Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    public static string EventRow(string week, string metric, string eventId) => $"x|{week}|e|{metric}|{TableKey.Encode(eventId)}";

    public static string PersonRow(string week, string metric, string personTag) => $"x|{week}|p|{metric}|{TableKey.Encode(personTag)}";

    /// <summary>The week row's property holding a metric's count.</summary>
    public static string CountOf(string metric) => CountPrefix + metric;

    /// <summary>The week row's property holding how many distinct people a metric's count comes from.</summary>
    public static string PeopleOf(string metric) => PeoplePrefix + metric;
}
