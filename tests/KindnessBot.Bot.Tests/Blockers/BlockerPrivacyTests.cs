using System.Security.Cryptography;
using System.Text;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Blockers;

/// <summary>
/// After an anonymous report, "this affects me too", every status change and the reporter's news delivered, a raw read
/// of every table and queue finds no id, name, chat id or unkeyed hash of the reporter, and the logs name nobody.
/// </summary>
public class BlockerPrivacyTests(BlockerHost world) : IClassFixture<BlockerHost>
{
    private const string Reporter = "29:p06";

    private static IEnumerable<string> TracesOf(string userId, string name)
    {
        var chat = TeamsActivities.PersonalConversationId(userId);
        var aad = TeamsActivities.AadObjectId(userId);
        foreach (var value in new[] { userId, name, chat, aad, userId.Replace(":", "-", StringComparison.Ordinal) })
        {
            yield return value;
#pragma warning disable CA5350, CA5351 // Looking for the weak hashes someone might have stored, not making them.
            foreach (var hash in new[] { SHA256.HashData(Encoding.UTF8.GetBytes(value)), MD5.HashData(Encoding.UTF8.GetBytes(value)), SHA1.HashData(Encoding.UTF8.GetBytes(value)) })
#pragma warning restore CA5350, CA5351
            {
                yield return Convert.ToHexStringLower(hash);
                yield return Convert.ToBase64String(hash);
                yield return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            }
        }
    }

    [Fact]
    public async Task A_raw_read_of_every_table_and_queue_after_anonymous_actions_finds_no_trace_of_the_reporter()
    {
        const string what = "The shared drive locks us out of care plans at weekends";
        var before = (await world.EverythingStoredAsync()).Split('\n').ToHashSet(StringComparer.Ordinal);
        await world.ReportAsync(Reporter, what, suggestion: "Give weekend staff read access.");
        await world.Host.SubmitAsync(BlockerHost.ButtonOf(await world.ListInChannelAsync("29:p07"), what), "29:p07", inChannel: true);
        await world.RespondAsync("29:lee", what, "Save", new JObject { ["to"] = "Acknowledged" });
        await world.RespondAsync("29:lee", what, "Save", new JObject { ["to"] = "Changed", ["note"] = "Weekend staff can read care plans now." });
        await world.Host.DeliverAsync();
        Assert.Equal(2, world.Chat(Reporter).Count(s => s.CardTitle == "News about what you raised"));

        // What the anonymous actions wrote: every row and message that is new or changed since before them, but the rows
        // that say a person talks to the bot and is in the team (their chat is refreshed on their first message after a
        // restart, and the roster when its cache runs out): those were there before, and say nothing about any blocker.
        var stored = string.Join('\n', (await world.EverythingStoredAsync()).Split('\n').Where(line => !before.Contains(line) && !line.StartsWith("Conversations ", StringComparison.Ordinal) && !line.StartsWith("Memberships ", StringComparison.Ordinal)));

        Assert.Contains(what, stored, StringComparison.Ordinal);
        Assert.All(TracesOf(Reporter, "Person 6").Concat(TracesOf("29:p07", "Person 7")), trace => Assert.DoesNotContain(trace, stored, StringComparison.OrdinalIgnoreCase));
        Assert.All(world.Host.Logs.Entries, entry => Assert.DoesNotContain("p06", entry.Message, StringComparison.OrdinalIgnoreCase));
    }
}
