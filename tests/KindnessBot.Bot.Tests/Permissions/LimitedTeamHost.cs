using KindnessBot.Bot.Tests.Hosting;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>The team host with a daily limit of three flexible decisions a person, set as a deployment would set it.</summary>
public sealed class LimitedTeamHost : IAsyncLifetime
{
    public const int DailyDecisionLimit = 3;

    public TeamHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new TeamHost(null, new() { ["Permissions:DailyDecisionLimit"] = DailyDecisionLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
