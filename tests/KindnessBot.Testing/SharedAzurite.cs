namespace KindnessBot.Testing;

/// <summary>
/// One Azurite for the whole test run of an assembly, started on first use and stopped when the test process
/// exits, so test classes can run in parallel; each uses its own table prefix.
/// </summary>
public static class SharedAzurite
{
    private static readonly Lazy<Task<Azurite>> Instance = new(StartAsync);

    public static Task<Azurite> GetAsync() => Instance.Value;

    private static async Task<Azurite> StartAsync()
    {
        var azurite = await Azurite.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite;
    }
}
