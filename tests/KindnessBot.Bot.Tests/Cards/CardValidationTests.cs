using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Cards;

/// <summary>Every card the bot can send, checked with the official Adaptive Cards JavaScript SDK.</summary>
public class CardValidationTests(BotHost host) : IClassFixture<BotHost>
{
    private IReadOnlyList<CardMessage> Samples => CardSamples.All(host.Services, "en-GB");

    [Fact]
    public async Task Every_card_parses_and_validates_with_the_Adaptive_Cards_SDK_at_schema_1_5()
    {
        var cards = Samples.Select(c => (c.Name, JObject.Parse(c.Json))).ToList();

        var results = await ValidateAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Errors.Count == 0, $"{r.Name}: {string.Join("; ", r.Errors)}"));
    }

    [Fact]
    public async Task The_validator_reports_a_broken_card()
    {
        var broken = JObject.Parse("""{"type":"AdaptiveCard","version":"1.6","body":[{"type":"Carousel"}],"actions":[{"type":"Action.Submit"}]}""");

        var results = await ValidateAsync([("broken", broken)]);

        Assert.NotEmpty(Assert.Single(results).Errors);
    }

    [Fact]
    public void The_samples_include_every_card_of_every_feature()
    {
        var made = typeof(CardSet).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CardSet)) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods().Where(m => m.DeclaringType == t && (m.ReturnType == typeof(CardMessage) || m.ReturnType == typeof(IReadOnlyList<CardMessage>))).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet();

        var sampled = Samples.Select(c => c.Name.Split(':')[0]).ToHashSet();

        Assert.Equal(made.Order(), sampled.Order());
    }

    /// <summary>
    /// The Adaptive Cards JavaScript SDK in the Microsoft 365 Agents Playground reads a button's data as an object with
    /// its own "key" and "msteams" properties and writes them back when the button is pressed; with the card frozen
    /// (the Playground's store) that throws and the press sends nothing (issue 12). No button may use those names.
    /// </summary>
    [Fact]
    public void No_button_data_uses_a_name_the_Adaptive_Cards_SDK_reserves()
    {
        var offending = Samples
            .SelectMany(c => JObject.Parse(c.Json).SelectTokens("$..actions[*].data").OfType<JObject>().Select(d => (c.Name, Data: d)))
            .Where(x => x.Data.Properties().Any(p => SubmitAction.ReservedNames.Contains(p.Name) && !OpensDialog(x.Data, p)))
            .Select(x => $"{x.Name}: {x.Data.ToString(Newtonsoft.Json.Formatting.None)}")
            .ToList();

        Assert.Empty(offending);
        var refused = Assert.Throws<ArgumentException>(() => new SubmitAction("Press", new Dictionary<string, object> { ["verb"] = "x", ["key"] = "k" }));
        Assert.Contains("\"key\"", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SubmitAction("Press", new Dictionary<string, object> { ["verb"] = "x", ["msTeams"] = new { type = "imBack" } }));
    }

    /// <summary>
    /// The one exception: a button that opens a Teams dialog must say so in "msteams" (task/fetch). Only the dialog seam
    /// makes these, and only where dialogs are on: `./run.sh` and the Playground tests turn them off (Dialogs:Enabled).
    /// </summary>
    private static bool OpensDialog(JObject data, JProperty property) =>
        property.Name == "msteams" && (string?)data["verb"] == KindnessBot.Bot.Dialogs.Dialogs.OpenVerb
        && property.Value is JObject { Count: 1 } teams && (string?)teams["type"] == "task/fetch";

    [Fact]
    public void Cards_are_in_British_English()
    {
        var text = string.Join(' ', Samples.Select(c => c.Json));

        foreach (var american in new[] { "recognize", "organization", "color", "favorite", "behavior" })
        {
            Assert.DoesNotContain(american, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    internal static async Task<List<(string Name, List<string> Errors)>> ValidateAsync(IReadOnlyList<(string Name, JObject Card)> cards)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kindnessbot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JArray(cards.Select(c => new JObject { ["name"] = c.Name, ["card"] = c.Card })).ToString());
        try
        {
            var run = await ExternalCommand.NodeAsync(Path.Combine(RepoPaths.Root, "tests", "tools", "validate-cards.js"), [file]);
            Assert.True(run.ExitCode == 0, run.ToString());
            return JArray.Parse(run.Output)
                .Select(r => ((string)r["name"]!, r["errors"]!.Select(e => (string)e!).ToList()))
                .ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
