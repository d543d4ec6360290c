using KindnessBot.Bot.Tests.Hosting;

namespace KindnessBot.Bot.Tests.PersonalData;

/// <summary>
/// The team host on a clock the test moves (from the real now), so links and confirmations can run out and retention
/// can be driven day by day; the daily retention run is left to the tests.
/// </summary>
public class PersonalDataHost : ClockedTeamHost
{
    public PersonalDataHost()
        : this([])
    {
    }

    protected PersonalDataHost(Dictionary<string, string?> settings)
        : base(DateTimeOffset.UtcNow, new Dictionary<string, string?>(settings) { ["Retention:Background"] = "false" })
    {
    }
}
