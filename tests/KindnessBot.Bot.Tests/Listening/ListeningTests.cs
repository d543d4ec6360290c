using Azure.Data.Tables;
using KindnessBot.Bot.Listening;
using KindnessBot.Bot.Tests.Blockers;
using KindnessBot.Core.Listening;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Listening;

/// <summary>
/// Listening pulses and the team's statement end to end over HTTP against Azurite: a leader asks in the channel, the
/// card comes on the delivery path, members answer in a dialog, and the answers are withheld at four and shown at five
/// (after closing, never who); the statement's versions, "rings true" and suggestions.
/// </summary>
public class ListeningTests(BlockerHost world) : IClassFixture<BlockerHost>
{
    private static readonly string[] Four = ["29:p01", "29:p02", "29:p03", "29:p04"];
    private static readonly SemaphoreSlim Sequential = new(1, 1);

    private List<SentActivity> PulseCards() => [.. world.Host.SentTo(TeamsActivities.TeamId).Where(s => s.CardTitle == "Listening" && s.Card!.ToString().Contains("Leaders see the answers", StringComparison.Ordinal))];

    private async Task<JObject> AskAsync(string bank)
    {
        var before = world.Host.Connector.Sent.Count;
        await world.SayInChannelAsync("pulse", "29:lee");
        var form = world.Host.Connector.Sent.Skip(before).Single(s => s.CardTitle == "Ask the team").Card!;
        var value = (JObject)form["actions"]![0]!["data"]!.DeepClone();
        value["bank"] = bank;
        value["days"] = "7";
        await world.Host.SubmitAsync(value, "29:lee", inChannel: true);
        await world.Host.DeliverAsync();
        return PulseCards()[^1].Card!;
    }

    private async Task AnswerAsync(JObject card, string userId, string text, bool named = false)
    {
        var button = (JObject)card["actions"]![0]!["data"]!.DeepClone();
        button.Remove("msteams");
        var opened = await world.InvokeAsync("task/fetch", button, userId);
        var form = (JObject)opened["task"]!["value"]!["card"]!["content"]!;
        var data = (JObject)form["actions"]![0]!["data"]!.DeepClone();
        data["answer"] = text;
        data["named"] = named ? "true" : "false";
        await world.InvokeAsync("task/submit", data, userId);
    }

    private async Task PressAsync(JObject card, string title, string userId)
    {
        var data = (JObject)card["actions"]!.First(a => (string?)a["title"] == title)["data"]!.DeepClone();
        await world.Host.SubmitAsync(data, userId, inChannel: true);
    }

    private string LastNotice(string userId) => (string)world.LastCardInChat(userId, "Listening")["body"]![1]!["inlines"]![0]!["text"]!;

    /// <summary>The card as it stands in the channel: the last post of it, or the last in-place update.</summary>
    private JObject Current(JObject posted) => world.Host.Connector.Sent.Last(s => s.Card?.ToString().Contains((string)posted["body"]![1]!["inlines"]![0]!["text"]!, StringComparison.Ordinal) == true && s.CardTitle == "Listening").Card!;

    [Fact]
    public async Task A_pulse_with_four_answers_is_withheld_and_one_with_five_shows_them_to_leaders_after_it_closes_never_who()
    {
        await Sequential.WaitAsync();
        try
        {
            var first = await AskAsync("4");
            Assert.Contains("What's one kind thing a colleague did recently", first.ToString(), StringComparison.Ordinal);
            foreach (var (member, i) in Four.Select((m, i) => (m, i)))
            {
                await AnswerAsync(first, member, $"Four: answer {i}");
            }

            await AnswerAsync(first, "29:p04", "Four: a changed answer"); // replaces, counts once
            Assert.Contains("Fewer than five people have answered so far.", Current(first).ToString(), StringComparison.Ordinal);
            await PressAsync(first, "See the answers (leaders)", "29:lee");
            Assert.StartsWith("It's still open", LastNotice("29:lee"), StringComparison.Ordinal);
            await PressAsync(first, "Close it now (leaders)", "29:p05");
            Assert.StartsWith("Only this team's leaders", LastNotice("29:p05"), StringComparison.Ordinal);
            await PressAsync(first, "Close it now (leaders)", "29:lee");
            Assert.Contains("Closed. Fewer than five people answered", Current(first).ToString(), StringComparison.Ordinal);
            await PressAsync(first, "See the answers (leaders)", "29:lee");
            Assert.Equal("Fewer than five people answered: not shown, to keep answers anonymous.", LastNotice("29:lee"));
            Assert.DoesNotContain(world.Chat("29:lee"), s => s.CardTitle == "What the team said");

            var second = await AskAsync("1");
            foreach (var (member, i) in Four.Select((m, i) => (m, i)))
            {
                await AnswerAsync(second, member, $"Five: answer {i}");
            }

            await AnswerAsync(second, "29:p05", "Five: a named answer", named: true);
            Assert.Contains("5 people have answered so far.", Current(second).ToString(), StringComparison.Ordinal);
            await PressAsync(second, "Close it now (leaders)", "29:lee");
            await PressAsync(second, "See the answers (leaders)", "29:p06");
            Assert.DoesNotContain(world.Chat("29:p06"), s => s.CardTitle == "What the team said");
            await PressAsync(second, "See the answers (leaders)", "29:lee");

            var results = world.LastCardInChat("29:lee", "What the team said").ToString();
            Assert.All(Enumerable.Range(0, 4), i => Assert.Contains($"Five: answer {i}", results, StringComparison.Ordinal));
            Assert.Contains("Person 5", results, StringComparison.Ordinal);
            Assert.DoesNotContain("Person 1", results, StringComparison.Ordinal);
            Assert.DoesNotContain("Four:", results, StringComparison.Ordinal);
            Assert.Contains("5 people answered", results, StringComparison.Ordinal);
        }
        finally
        {
            Sequential.Release();
        }
    }

    [Fact]
    public async Task The_statement_keeps_every_version_counts_rings_true_once_per_person_and_shows_on_the_help_card()
    {
        await Sequential.WaitAsync();
        try
        {
            var empty = await StatementCardAsync("29:lee");
            Assert.Contains("hasn't written its statement yet", empty.ToString(), StringComparison.Ordinal);
            await WriteAsync(empty, "We listen first, and we make time for families.");

            var v1 = await StatementCardAsync("29:alex");
            foreach (var member in new[] { "29:p01", "29:p02", "29:p03", "29:p01" })
            {
                await PressAsync(v1, "This rings true", member);
            }

            Assert.Equal("You're counted already: each person counts once.", LastNotice("29:p01"));
            Assert.Contains("Fewer than five people have said this rings true", (await StatementCardAsync("29:alex")).ToString(), StringComparison.Ordinal);
            await PressAsync(v1, "This rings true", "29:p04");
            await PressAsync(v1, "This rings true", "29:p05");
            Assert.Contains("5 people say this rings true.", (await StatementCardAsync("29:alex")).ToString(), StringComparison.Ordinal);

            var suggest = (JObject)v1["actions"]!.First(a => (string?)a["title"] == "Suggest a change")["data"]!.DeepClone();
            suggest.Remove("msteams");
            var form = (JObject)(await world.InvokeAsync("task/fetch", suggest, "29:p02"))["task"]!["value"]!["card"]!["content"]!;
            var sent = (JObject)form["actions"]![0]!["data"]!.DeepClone();
            sent["suggestion"] = "Say something about the people we serve at night.";
            await world.InvokeAsync("task/submit", sent, "29:p02");

            var writeForm = await WriteAsync(await StatementCardAsync("29:lee"), "We listen first, day and night, and make time for families.");
            Assert.Contains("Say something about the people we serve at night.", writeForm, StringComparison.Ordinal);
            Assert.DoesNotContain("Person 2", writeForm, StringComparison.Ordinal);

            await PressAsync(v1, "This rings true", "29:p06"); // the card of the first version
            Assert.StartsWith("The statement has changed", LastNotice("29:p06"), StringComparison.Ordinal);
            var v2 = (await StatementCardAsync("29:alex")).ToString();
            Assert.Contains("day and night", v2, StringComparison.Ordinal);
            Assert.Contains("Fewer than five people have said this rings true", v2, StringComparison.Ordinal);
            var history = await world.Host.Services.GetRequiredService<KindnessStatements>().HistoryAsync(world.TenantId, TeamsActivities.TeamId, 10, default);
            Assert.Equal(["We listen first, day and night, and make time for families.", "We listen first, and we make time for families."], history.Select(h => h.Text));
            Assert.Contains("earlier", (await WriteFormAsync(await StatementCardAsync("29:lee"))).ToLowerInvariant(), StringComparison.Ordinal);

            var before = world.Host.Connector.Sent.Count;
            await world.SayInChannelAsync("help", "29:alex");
            var help = world.Host.Connector.Sent.Skip(before).Single(s => s.CardTitle == "Here's what I can do").Card!.ToString();
            Assert.Contains("day and night", help, StringComparison.Ordinal);

            // A team the bot is added back to is welcomed with its statement.
            var scope = (await world.Host.Services.GetRequiredService<KindnessBot.Core.Conversations.IConversationStore>().FindAsync(world.TenantId, TeamsActivities.TeamId, default))!;
            var welcome = await world.Host.Services.GetRequiredService<KindnessBot.Bot.Cards.CommonCards>().WelcomeTeamAsync(scope, "en-GB", default);
            Assert.Contains("day and night", welcome.Json, StringComparison.Ordinal);

            // A member cannot write it.
            await world.InvokeAsync("task/submit", new JObject { ["verb"] = ListeningVerbs.SaveStatement, ["team"] = TeamsActivities.TeamId, ["statement"] = "Forged" }, "29:p07");
            Assert.StartsWith("Only this team's leaders", LastNotice("29:p07"), StringComparison.Ordinal);
            Assert.Equal(2, (await world.Host.Services.GetRequiredService<KindnessStatements>().HistoryAsync(world.TenantId, TeamsActivities.TeamId, 10, default)).Count);
        }
        finally
        {
            Sequential.Release();
        }
    }

    private async Task<JObject> StatementCardAsync(string userId)
    {
        var before = world.Host.Connector.Sent.Count;
        await world.SayInChannelAsync("kindness here", userId);
        return world.Host.Connector.Sent.Skip(before).Last(s => s.CardTitle == "What kindness means here").Card!;
    }

    private async Task<string> WriteFormAsync(JObject card)
    {
        var write = (JObject)card["actions"]!.First(a => (string?)a["title"] == "Write it (leaders)")["data"]!.DeepClone();
        write.Remove("msteams");
        return (await world.InvokeAsync("task/fetch", write, "29:lee"))["task"]!["value"]!["card"]!["content"]!.ToString();
    }

    /// <summary>Lee opens the write form from the card and saves <paramref name="text"/>; the form as it was opened.</summary>
    private async Task<string> WriteAsync(JObject card, string text)
    {
        var formText = await WriteFormAsync(card);
        var form = JObject.Parse(formText);
        var data = (JObject)form["actions"]![0]!["data"]!.DeepClone();
        data["statement"] = text;
        await world.InvokeAsync("task/submit", data, "29:lee");
        return formText;
    }
}
