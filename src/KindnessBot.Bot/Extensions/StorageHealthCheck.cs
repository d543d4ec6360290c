using KindnessBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KindnessBot.Bot.Extensions;

internal sealed class StorageHealthCheck(KindnessTables tables) : IHealthCheck
{
    public const string ReadyTag = "ready";

    // A probe must answer quickly; the storage client would otherwise retry for many seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            return await tables.AreReachableAsync(timeout.Token)
                ? HealthCheckResult.Healthy("Table Storage answers.")
                : HealthCheckResult.Unhealthy("Table Storage does not answer.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Table Storage did not answer within {Patience.TotalSeconds} seconds.");
        }
    }
}
