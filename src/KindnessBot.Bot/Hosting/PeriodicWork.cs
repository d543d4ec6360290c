namespace KindnessBot.Bot.Hosting;

/// <summary>
/// Background work that runs at start-up and then every <see cref="Interval"/> on the host's clock, on every instance
/// (the work itself claims what it does in storage, so instances never do the same thing twice). A failed round is
/// logged and the next round tries again.
/// </summary>
internal abstract partial class PeriodicWork(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>What the logs call this work.</summary>
    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>False to leave this instance out (a test that drives the work itself, a quiet staging slot).</summary>
    protected virtual bool Enabled => true;

    /// <summary>One round of the work. Services are resolved here, once the host has started and settings are validated.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, Name, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, string work, Exception exception);
}
