using System.Text.RegularExpressions;
using Azure.Data.Tables;

namespace KindnessBot.Testing;

/// <summary>
/// One Azurite (Table, Queue and Blob Storage emulator) in memory on free loopback ports, for a test run.
/// Share it through an xunit collection fixture; give each test class its own table prefix.
/// </summary>
public sealed partial class Azurite : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // The well-known development storage key, the same for every Azurite; not a secret.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly NodeProcess _process;

    private Azurite(NodeProcess process, int tablePort, int queuePort)
    {
        _process = process;
        TablePort = tablePort;
        QueuePort = queuePort;
    }

    public int TablePort { get; }

    public int QueuePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};";

    public TableServiceClient TableService() => new(ConnectionString);

    /// <summary>The product's storage account on this Azurite, with a prefix (a test's own tables and queues).</summary>
    public KindnessBot.Core.Storage.StorageAccount Account(string prefix = "") => new(TableService(), new Azure.Storage.Queues.QueueServiceClient(ConnectionString), prefix);

    public static async Task<Azurite> StartAsync()
    {
        var process = NodeProcess.Start(
            RepoPaths.RequireNodeTool("azurite/dist/src/azurite.js"),
            [
                "--tableHost", "127.0.0.1", "--tablePort", "0",
                "--queueHost", "127.0.0.1", "--queuePort", "0",
                "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry",
            ]);
        try
        {
            var table = await process.WaitForOutputAsync(TableListening(), TimeSpan.FromSeconds(30));
            var queue = await process.WaitForOutputAsync(QueueListening(), TimeSpan.FromSeconds(5));
            return new Azurite(process, int.Parse(table.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(queue.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh table prefix, so a test class sees only its own tables.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"Table service is successfully listening at http://127\.0\.0\.1:(\d+)")]
    private static partial Regex TableListening();

    [GeneratedRegex(@"Queue service is successfully listening at http://127\.0\.0\.1:(\d+)")]
    private static partial Regex QueueListening();
}
