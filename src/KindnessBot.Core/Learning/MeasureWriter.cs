using System.Threading.Channels;
using KindnessBot.Core.Measures;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Learning;

/// <summary>
/// The features' <see cref="IMeasures"/>: a measure is handed over at once, so counting never slows or fails a person's
/// turn, and <see cref="RunAsync"/> (the host's background work) writes each to the <see cref="WeeklyAggregates"/>,
/// trying three times. A measure that cannot be written, or that finds the queue full, is logged by its metric alone
/// (never whose it was) and left for "rebuild aggregates", which recomputes every count from the raw rows.
/// </summary>
public sealed partial class MeasureWriter(WeeklyAggregates aggregates, ILogger<MeasureWriter> logger) : IMeasures
{
    public const int Capacity = 10_000;
    private const int Tries = 3;

    private readonly Channel<Measure> _queue = Channel.CreateBounded<Measure>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private int _pending;

    /// <summary>Measures handed over and not yet written (or given up on).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Count(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(measure))
        {
            Interlocked.Decrement(ref _pending);
            LogDropped(logger, measure.Metric);
        }
    }

    /// <summary>Writes measures as they come until <paramref name="cancellationToken"/> ends it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var measure in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                await WriteAsync(measure, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private async Task WriteAsync(Measure measure, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The team's count and the whole organisation's, each once by its own marker.
                await aggregates.CountAsync(measure, cancellationToken);
                await aggregates.CountAsync(measure with { TeamId = AggregateKeys.WholeOrganisation }, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt == Tries)
                {
                    // The exception's message can carry row keys, so only its type reaches the log.
                    LogNotCounted(logger, measure.Metric, ex.GetType().Name);
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Metric} measure found the queue full and was not counted; rebuild aggregates repairs the count")]
    private static partial void LogDropped(ILogger logger, string metric);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Metric} measure could not be counted ({Error}); rebuild aggregates repairs the count")]
    private static partial void LogNotCounted(ILogger logger, string metric, string error);
}
