using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Retention;

/// <summary>
/// A table's sweep as a list of rules: each an OData filter, built from the cutoff, for one kind of row that is too old
/// (by the row's own date where it has one). Rules are applied in order, so a step removes from the first that has rows.
/// </summary>
public sealed class TableRetention(TableClient table, string name, Func<RetentionCutoff, IReadOnlyList<string>> rules) : IRetentionSweep
{
    public string Table => name;

    public async Task<int> SweepAsync(RetentionCutoff cutoff, int max, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var rule in rules(cutoff))
        {
            if (removed >= max)
            {
                break;
            }

            removed += await table.DeleteSomeAsync(rule, max - removed, cancellationToken);
        }

        return removed;
    }

    /// <summary>Rows whose date property <paramref name="property"/> is before <paramref name="at"/>.</summary>
    public static string DatedBefore(string property, DateTimeOffset at) =>
        TableClient.CreateQueryFilter(FormattableStringFactory.Create(property + " lt {0}", at.ToUniversalTime()));

    /// <summary>Rows whose RowKey starts with <paramref name="prefix"/> followed by inverted ticks (a <see cref="RecordKey"/>) from before <paramref name="at"/>.</summary>
    public static string KeyedBefore(string prefix, DateTimeOffset at) => RowsBetween(prefix + RecordKey.InvertedTicks(at), prefix[..^1] + (char)(prefix[^1] + 1));

    /// <summary>Rows whose RowKey is "{prefix}yyyyMMdd" of a day before <paramref name="at"/>.</summary>
    public static string DayBefore(string prefix, DateTimeOffset at) => RowsBetween(prefix, prefix + Day(at), inclusiveFrom: true);

    /// <summary>A day as the keys and counters write it.</summary>
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string RowsBetween(string from, string to, bool inclusiveFrom = false) =>
        inclusiveFrom
            ? TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to}")
            : TableClient.CreateQueryFilter($"RowKey gt {from} and RowKey lt {to}");
}
