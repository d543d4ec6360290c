namespace KindnessBot.Core.Delivery;

/// <summary>Wakes this instance's worker when something is queued here, so a message asked for in a turn goes out at once rather than at the next poll.</summary>
public sealed class DeliverySignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Dispose() => _signal.Dispose();

    public void Raise()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        return WaitCoreAsync(timeout, time, cancellationToken);
    }

    private async Task WaitCoreAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cts.Token);
        var signalled = _signal.WaitAsync(cts.Token);
        await Task.WhenAny(delay, signalled);
        await cts.CancelAsync();
        try
        {
            await Task.WhenAll(delay, signalled);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
