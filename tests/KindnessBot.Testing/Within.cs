namespace KindnessBot.Testing;

/// <summary>
/// Every wait a test makes, with a limit and a sentence saying what did not happen, so a test that goes wrong fails
/// with a reason instead of hanging the suite.
/// </summary>
public static class Within
{
    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="limit"/>; past that, fails saying <paramref name="what"/> did not happen.</summary>
    public static async Task Async(TimeSpan limit, Task task, string what)
    {
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds:0.#} seconds.");
        }
    }

    /// <inheritdoc cref="Async(TimeSpan, Task, string)"/>
    public static async Task<T> Async<T>(TimeSpan limit, Task<T> task, string what)
    {
        await Async(limit, (Task)task, what);
        return await task;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, at most <paramref name="limit"/>; past that, fails saying <paramref name="what"/> did not happen.</summary>
    public static async Task UntilAsync(TimeSpan limit, Func<Task<bool>> condition, string what, TimeSpan? poll = null)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(limit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!await condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds:0.#} seconds.");
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(50));
        }
    }

    /// <inheritdoc cref="UntilAsync(TimeSpan, Func{Task{bool}}, string, TimeSpan?)"/>
    public static Task UntilAsync(TimeSpan limit, Func<bool> condition, string what, TimeSpan? poll = null) =>
        UntilAsync(limit, () => Task.FromResult(condition()), what, poll);

    /// <summary>Polls <paramref name="find"/> until it finds something, at most <paramref name="limit"/>, and returns it.</summary>
    public static async Task<T> FoundAsync<T>(TimeSpan limit, Func<T?> find, string what, TimeSpan? poll = null)
        where T : class
    {
        T? found = null;
        await UntilAsync(limit, () => (found = find()) is not null, what, poll);
        return found!;
    }
}
