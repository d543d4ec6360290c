using KindnessBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KindnessBot.Bot.Extensions;

/// <summary>Ready when the tables and the reflection prompt queue answer.</summary>
internal sealed class StorageHealthCheck(KindnessTables tables, KindnessBot.Core.Reflection.ReflectionStorage reflection) : IHealthCheck
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
            if (!await tables.AreReachableAsync(timeout.Token))
            {
                return HealthCheckResult.Unhealthy("Table Storage does not answer.");
            }

            return await QueueAnswersAsync(timeout.Token)
                ? HealthCheckResult.Healthy("Table Storage and the prompt queue answer.")
                : HealthCheckResult.Unhealthy("The reflection prompt queue does not answer.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Storage did not answer within {Patience.TotalSeconds} seconds.");
        }
    }

    private async Task<bool> QueueAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await reflection.Prompts.ExistsAsync(cancellationToken);
        }
        catch (Azure.RequestFailedException)
        {
            return false;
        }
    }
}
