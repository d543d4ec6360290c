using KindnessBot.Bot.Hosting;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Storage;

namespace KindnessBot.Bot.Learning;

public static class LearningModule
{
    /// <summary>
    /// The Learning commitment: every feature's measures counted per team and week as they happen (after the turn, by
    /// <see cref="MeasureWriterService"/>), the dashboard, the story of change and "rebuild aggregates".
    /// </summary>
    public static IHostApplicationBuilder AddLearning(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(LearningStorage.Declared);
        services.AddSingleton(sp => new WeeklyAggregates(sp.GetRequiredService<StorageAccount>().Table(LearningStorage.TableName), sp.GetRequiredService<PrivacyKeys>().Tags));
        services.AddSingleton<MeasureWriter>();
        services.AddSingleton<IMeasures>(sp => sp.GetRequiredService<MeasureWriter>());
        services.AddHostedService<MeasureWriterService>();
        services.AddSingleton<LearningService>();
        services.AddSingleton<AggregateRebuild>();
        services.AddSingleton<Core.Retention.IRetentionSweep>(sp => new LearningRetention(sp.GetRequiredService<StorageAccount>().Table(LearningStorage.TableName), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}

/// <summary>
/// Writes the measures features hand over, on every instance, for as long as the host runs. The writer is resolved once
/// the host has started, so settings are validated first (it needs the privacy keys).
/// </summary>
internal sealed class MeasureWriterService(IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await services.GetRequiredService<MeasureWriter>().RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
