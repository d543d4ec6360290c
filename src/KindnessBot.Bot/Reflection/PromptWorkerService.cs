using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Reflection;

/// <summary>Runs this instance's prompt worker: takes due prompts off the queue and posts them within Teams' limits.</summary>
internal sealed partial class PromptWorkerService(IServiceProvider services, Microsoft.Extensions.Options.IOptions<ReflectionOptions> settings, ILogger<PromptWorkerService> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!settings.Value.Background)
        {
            return;
        }

        var worker = services.GetRequiredService<PromptWorker>();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reflection prompt worker stopped unexpectedly; starting it again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
