using KindnessBot.Core.Delivery;

namespace KindnessBot.Bot.Delivery;

/// <summary>Runs this instance's delivery worker: every proactive message, paced within Teams' limits.</summary>
internal sealed partial class DeliveryWorkerService(IServiceProvider services, DeliveryOptions settings, ILogger<DeliveryWorkerService> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!settings.Background)
        {
            return;
        }

        var worker = services.GetRequiredService<DeliveryWorker>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
                await Task.Delay(Pause, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The delivery worker stopped unexpectedly; starting it again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
