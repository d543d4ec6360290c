using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Bot.Tests.Hosting;

/// <summary>The team host on a clock the test moves (from 1 December 2026, 09:00 UTC, unless a subclass says otherwise).</summary>
public class ClockedTeamHost : IAsyncLifetime
{
    private readonly Dictionary<string, string?>? _settings;
    private readonly Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? _services;

    public ClockedTeamHost()
        : this(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    protected ClockedTeamHost(DateTimeOffset start, Dictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        Time = new FakeTimeProvider(start);
        _settings = settings;
        _services = services;
    }

    public FakeTimeProvider Time { get; }

    public TeamHost Host { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Host = new TeamHost(Time, _settings, _services);
        await Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
