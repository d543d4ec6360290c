using KindnessBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KindnessBot.Bot.Hosting;

/// <summary>Ready when every declared table and queue answers.</summary>
internal sealed class StorageHealthCheck(StorageAccount account, IEnumerable<StorageDeclaration> declared) : IHealthCheck
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
            return await account.FirstUnreachableAsync(declared, timeout.Token) is { } missing
                ? HealthCheckResult.Unhealthy($"The {missing.Kind.ToString().ToLowerInvariant()} {missing.Name} ({missing.Feature}) does not answer.")
                : HealthCheckResult.Healthy("Every table and queue answers.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Storage did not answer within {Patience.TotalSeconds} seconds.");
        }
    }
}
