using KindnessBot.Core.Blockers;

namespace KindnessBot.Bot.Blockers;

/// <summary>Every five minutes, on every instance: hands the monthly digests that are due to the delivery path (each once, by its key).</summary>
internal sealed class BlockerDigestSweeper(IServiceProvider services, TimeProvider time, ILogger<BlockerDigestSweeper> logger) : Hosting.PeriodicWork(time, logger)
{
    protected override string Name => "A \"you said, we did\" sweep";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => services.GetRequiredService<BlockerDigests>().SweepAsync(cancellationToken);
}
