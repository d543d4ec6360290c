using Azure.Data.Tables;

namespace KindnessBot.Core.Storage;

/// <summary>
/// The tables the product uses, named in one place. A prefix lets several deployments (or test classes)
/// share one storage account without seeing each other's data.
/// </summary>
public sealed class KindnessTables
{
    public const string ConversationsName = "Conversations";
    public const string RecognitionsName = "Recognitions";
    public const string PermissionsName = "Permissions";

    /// <summary>Every table's name (without prefix), as the deployment must create them.</summary>
    public static IReadOnlyList<string> Names { get; } = [ConversationsName, RecognitionsName, PermissionsName];

    private readonly TableServiceClient _service;

    public KindnessTables(TableServiceClient service, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(prefix);
        EnsureValidPrefix(prefix);

        _service = service;
        Conversations = service.GetTableClient(prefix + ConversationsName);
        Recognitions = service.GetTableClient(prefix + RecognitionsName);
        Permissions = service.GetTableClient(prefix + PermissionsName);
        All = [Conversations, Recognitions, Permissions];
    }

    /// <summary>The one rule for table prefixes: empty, or up to 20 letters and digits starting with a letter.</summary>
    public static bool IsValidPrefix(string prefix) =>
        prefix is not null && (prefix.Length == 0 || (prefix.Length <= 20 && prefix.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(prefix[0])));

    public static void EnsureValidPrefix(string prefix)
    {
        if (!IsValidPrefix(prefix))
        {
            throw new ArgumentException("A table prefix is up to 20 letters and digits, starting with a letter.", nameof(prefix));
        }
    }

    public TableClient Conversations { get; }

    public TableClient Recognitions { get; }

    public TableClient Permissions { get; }

    /// <summary>Every table, for creating them once at start-up and for readiness checks.</summary>
    public IReadOnlyList<TableClient> All { get; }

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }

    /// <summary>True when every table answers a one-row query.</summary>
    public async Task<bool> AreReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var table in All)
            {
                await foreach (var page in table.QueryAsync<TableEntity>(filter: "PartitionKey eq 'readiness-probe'", maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
                {
                    _ = page;
                    break;
                }
            }

            return true;
        }
        catch (Azure.RequestFailedException)
        {
            return false;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public string AccountName => _service.AccountName;
}
