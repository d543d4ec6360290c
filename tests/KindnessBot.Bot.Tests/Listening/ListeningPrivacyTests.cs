using KindnessBot.Bot.Tests.Blockers;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Listening;

/// <summary>
/// After anonymous pulse answers, "this rings true" and a suggestion, a raw read of every row and queue message they
/// wrote or changed finds no id, name or chat id of the people, and no log line names them.
/// </summary>
public class ListeningPrivacyTests(BlockerHost world) : IClassFixture<BlockerHost>
{
    private static readonly string[] People = ["29:p08", "29:p09", "29:p10"];

    [Fact]
    public async Task A_raw_read_after_anonymous_answers_rings_true_and_a_suggestion_finds_no_trace_of_who()
    {
        await world.SayInChannelAsync("pulse", "29:lee");
        var ask = (JObject)world.Host.Connector.Sent.Last(s => s.CardTitle == "Ask the team").Card!["actions"]![0]!["data"]!.DeepClone();
        ask["bank"] = "own";
        ask["own"] = "What helps you be kind on a hard shift?";
        ask["days"] = "3";
        await world.Host.SubmitAsync(ask, "29:lee", inChannel: true);
        await world.Host.DeliverAsync();
        var card = world.Host.SentTo(TeamsActivities.TeamId).Last(s => s.CardTitle == "Listening").Card!;
        await world.SayInChannelAsync("kindness here", "29:lee");
        await world.InvokeAsync("task/submit", new JObject { ["verb"] = "statement-save", ["team"] = TeamsActivities.TeamId, ["statement"] = "We make time." }, "29:lee");
        var statement = await world.Host.Services.GetRequiredService<KindnessBot.Core.Listening.KindnessStatements>().CurrentAsync(world.TenantId, TeamsActivities.TeamId, default);
        var before = (await world.EverythingStoredAsync()).Split('\n').ToHashSet(StringComparer.Ordinal);

        foreach (var person in People)
        {
            var data = (JObject)card["actions"]![0]!["data"]!.DeepClone();
            data.Remove("msteams");
            data["verb"] = "pulse-send";
            data.Remove("dialog");
            data["answer"] = $"A kind word from {person[3..]}'s colleague";
            data["named"] = "false";
            await world.InvokeAsync("task/submit", data, person);
            await world.Host.SubmitAsync(new JObject { ["verb"] = "statement-rings-true", ["team"] = TeamsActivities.TeamId, ["version"] = statement!.Version }, person, inChannel: true);
        }

        await world.InvokeAsync("task/submit", new JObject { ["verb"] = "statement-suggest", ["team"] = TeamsActivities.TeamId, ["suggestion"] = "Mention the night shift." }, People[0]);

        // Rows that say a person talks to the bot and is in the team were there before and say nothing about answers.
        var stored = string.Join('\n', (await world.EverythingStoredAsync()).Split('\n').Where(line => !before.Contains(line) && !line.StartsWith("Conversations ", StringComparison.Ordinal) && !line.StartsWith("Memberships ", StringComparison.Ordinal)));

        Assert.Contains("A kind word from p08's colleague", stored, StringComparison.Ordinal);
        Assert.Contains("Mention the night shift.", stored, StringComparison.Ordinal);
        foreach (var person in People)
        {
            var name = BlockerHost.Name(person);
            Assert.All(new[] { person, name, TeamsActivities.PersonalConversationId(person), TeamsActivities.AadObjectId(person) }, trace => Assert.DoesNotContain(trace, stored, StringComparison.OrdinalIgnoreCase));
            Assert.All(world.Host.Logs.Entries, entry => Assert.DoesNotContain(person[3..], entry.Message, StringComparison.OrdinalIgnoreCase));
        }
    }
}
