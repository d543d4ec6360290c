using KindnessBot.Core.Storage;

namespace KindnessBot.Bot.Hosting;

/// <summary>
/// Creates every declared table and queue once, when the host starts, so no request ever pays for it. Storage that is
/// not up yet (Azurite still starting, a cold account) gets a few tries before the host gives up and says why.
/// </summary>
internal sealed partial class StorageCreator(IServiceProvider services, IEnumerable<StorageDeclaration> declared, ILogger<StorageCreator> logger) : IHostedService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not in the constructor, so invalid storage settings are reported by options validation first.
        var account = services.GetRequiredService<StorageAccount>();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await account.CreateAsync(declared, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < Backoff.Length && ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                LogRetry(logger, attempt + 1, ex.Message);
                await Task.Delay(Backoff[attempt], cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table Storage is not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason);
}
