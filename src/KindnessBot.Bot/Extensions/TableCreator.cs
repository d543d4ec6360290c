using KindnessBot.Core.Storage;

namespace KindnessBot.Bot.Extensions;

/// <summary>
/// Creates the tables (and the reflection queues) once, when the host starts, so no request ever pays for it. Storage that is not up yet
/// (Azurite still starting, a cold account) gets a few tries before the host gives up and says why.
/// </summary>
internal sealed partial class TableCreator(IServiceProvider services, ILogger<TableCreator> logger) : IHostedService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not in the constructor, so invalid storage settings are reported by options validation first.
        var tables = services.GetRequiredService<KindnessTables>();
        var reflection = services.GetRequiredService<KindnessBot.Core.Reflection.ReflectionStorage>();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await tables.CreateAllAsync(cancellationToken);
                await reflection.CreateAllAsync(cancellationToken);
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
