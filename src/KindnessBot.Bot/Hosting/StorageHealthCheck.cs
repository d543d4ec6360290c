using KindnessBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KindnessBot.Bot.Hosting;

/// <summary>
/// Ready when every declared table and queue answers. /readyz is anonymous, so one check at a time serves every
/// caller and its result is reused for a second: however many ask, storage is asked at most once a second.
/// </summary>
internal sealed class StorageHealthCheck(StorageAccount account, IEnumerable<StorageDeclaration> declared, TimeProvider time) : IHealthCheck
{
    public const string ReadyTag = "ready";

    // A probe must answer quickly; the storage client would otherwise retry for many seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReusedFor = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private (Task<HealthCheckResult> Check, DateTimeOffset Started)? _last;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_last is { } last && (!last.Check.IsCompleted || now - last.Started < ReusedFor))
            {
                return last.Check;
            }

            // Not tied to one caller's cancellation: other callers share this check.
            var check = CheckOnceAsync();
            _last = (check, now);
            return check;
        }
    }

    private async Task<HealthCheckResult> CheckOnceAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await account.FirstUnreachableAsync(declared, timeout.Token) is { } missing
                ? HealthCheckResult.Unhealthy($"The {missing.Kind.ToString().ToLowerInvariant()} {missing.Name} ({missing.Feature}) does not answer.")
                : HealthCheckResult.Healthy("Every table and queue answers.");
        }
        catch (OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Storage did not answer within {Patience.TotalSeconds} seconds.");
        }
    }
}
