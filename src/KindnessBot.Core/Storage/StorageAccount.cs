using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace KindnessBot.Core.Storage;

/// <summary>
/// The storage account every feature keeps its tables and queues in, with the one naming rule: a prefix, so several
/// deployments (or test classes) can share an account without seeing each other's data. Tables are the prefix and
/// the name; queues (lower case only) the prefix in lower case, a dash, and the name.
/// </summary>
public sealed class StorageAccount
{
    private readonly TableServiceClient _tables;
    private readonly QueueServiceClient _queues;
    private readonly string _prefix;

    public StorageAccount(TableServiceClient tables, QueueServiceClient queues, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(prefix);
        EnsureValidPrefix(prefix);
        _tables = tables;
        _queues = queues;
        _prefix = prefix;
    }

    public string AccountName => _tables.AccountName;

    public TableClient Table(string name) => _tables.GetTableClient(_prefix + name);

    public QueueClient Queue(string name) => _queues.GetQueueClient(_prefix.Length == 0 ? name : _prefix.ToLowerInvariant() + "-" + name);

    /// <summary>The one rule for prefixes: empty, or up to 20 letters and digits starting with a letter.</summary>
    public static bool IsValidPrefix(string prefix) =>
        prefix is not null && (prefix.Length == 0 || (prefix.Length <= 20 && prefix.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(prefix[0])));

    public static void EnsureValidPrefix(string prefix)
    {
        if (!IsValidPrefix(prefix))
        {
            throw new ArgumentException("A table prefix is up to 20 letters and digits, starting with a letter.", nameof(prefix));
        }
    }

    /// <summary>Creates what <paramref name="declared"/> names, if it is not there yet.</summary>
    public async Task CreateAsync(IEnumerable<StorageDeclaration> declared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declared);
        foreach (var item in declared)
        {
            if (item.Kind == StorageKind.Table)
            {
                await Table(item.Name).CreateIfNotExistsAsync(cancellationToken);
            }
            else
            {
                await Queue(item.Name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>The first of <paramref name="declared"/> that does not answer (a one-row query, or the queue's existence), or null when all do.</summary>
    public async Task<StorageDeclaration?> FirstUnreachableAsync(IEnumerable<StorageDeclaration> declared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declared);
        foreach (var item in declared)
        {
            try
            {
                if (item.Kind == StorageKind.Queue ? !await Queue(item.Name).ExistsAsync(cancellationToken) : !await AnswersAsync(Table(item.Name), cancellationToken))
                {
                    return item;
                }
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException)
            {
                return item;
            }
        }

        return null;
    }

    private static async Task<bool> AnswersAsync(TableClient table, CancellationToken cancellationToken)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(filter: "PartitionKey eq 'readiness-probe'", maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
        {
            _ = page;
            break;
        }

        return true;
    }
}
