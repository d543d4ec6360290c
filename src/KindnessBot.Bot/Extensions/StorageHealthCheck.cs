using KindnessBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KindnessBot.Bot.Extensions;

internal sealed class StorageHealthCheck(KindnessTables tables) : IHealthCheck
{
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await tables.AreReachableAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Table Storage answers.")
            : HealthCheckResult.Unhealthy("Table Storage does not answer.");
}
