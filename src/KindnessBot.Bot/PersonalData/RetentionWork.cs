using KindnessBot.Core.Retention;

namespace KindnessBot.Bot.PersonalData;

/// <summary>
/// Every hour, on every instance, tries to claim the day's retention run; the one instance that claims it runs it,
/// so each day's run happens once however many instances there are.
/// </summary>
internal sealed class RetentionWork(IServiceProvider services, TimeProvider time, Microsoft.Extensions.Options.IOptions<RetentionOptions> settings, ILogger<RetentionWork> logger)
    : Hosting.PeriodicWork(time, logger)
{
    private readonly string _instance = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    protected override string Name => "The daily retention run";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override bool Enabled => settings.Value.Background;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<RetentionRun>().RunAsync(_instance, cancellationToken);
}
