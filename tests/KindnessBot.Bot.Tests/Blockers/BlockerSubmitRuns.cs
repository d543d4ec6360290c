using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Blockers;

/// <summary>The generated bad-submit run the blockers and listening tests share: many submits, each answered without a 5xx or exception text.</summary>
internal static class BlockerSubmitRuns
{
    /// <summary>
    /// Sends <paramref name="count"/> submits made by <paramref name="make"/>, alternately from the team's leader (Lee)
    /// and a member (Person 6), in the channel or personal chat; every one that got a 5xx or exception text, as text.
    /// </summary>
    public static async Task<List<string>> FailuresAsync(BlockerHost world, int count, Func<JObject> make, Func<int, bool> inChannel)
    {
        var failures = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var value = make();
            var response = await world.Host.SubmitAsync(value, i % 2 == 0 ? "29:lee" : "29:p06", inChannel(i));
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || body.Contains("Exception", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{(int)response.StatusCode}: {value.ToString(Newtonsoft.Json.Formatting.None)}");
            }
        }

        return failures;
    }
}
