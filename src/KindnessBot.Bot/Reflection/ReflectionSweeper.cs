using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Reflection;

/// <summary>
/// Every <see cref="ReflectionOptions.SweepInterval"/>, on every instance: claims and enqueues the prompts that are due
/// (exactly once across instances) and follows up the ones that closed or failed.
/// </summary>
internal sealed class ReflectionSweeper(IServiceProvider services, TimeProvider time, Microsoft.Extensions.Options.IOptions<ReflectionOptions> settings, ILogger<ReflectionSweeper> logger)
    : Hosting.PeriodicWork(time, logger)
{
    protected override string Name => "A reflection sweep";

    protected override TimeSpan Interval => settings.Value.SweepInterval;

    protected override bool Enabled => settings.Value.Background;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ReflectionScheduler>().SweepAsync(cancellationToken);
        await services.GetRequiredService<ReflectionFollowUp>().SweepAsync(cancellationToken);
    }
}
