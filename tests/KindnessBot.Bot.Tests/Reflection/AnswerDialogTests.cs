using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Reflection;

/// <summary>
/// The prompt card keeps the question and the count; the answer form opens in a Teams dialog (task/fetch from the card's
/// Answer button, task/submit into the same answer verb), so an in-place count update never takes away what someone is
/// typing. Over HTTP, the way Teams calls the bot, against Azurite.
/// </summary>
public class AnswerDialogTests(ReflectionHost reflection) : IClassFixture<ReflectionHost>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static SentActivity? _prompt;

    private TeamHost Host => reflection.Host;

    internal static async Task<SentActivity> OpenPromptAsync(ReflectionHost reflection)
    {
        await reflection.Host.SubmitAsync(ReflectionHost.SetUp("Monday", "09:00", "Europe/London"), "29:lee", inChannel: true);
        reflection.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1.5)); // Monday 7 December, 09:30
        await reflection.SweepAndSendAsync();
        return reflection.Prompt() ?? throw new InvalidOperationException("No prompt was posted.");
    }

    private async Task<SentActivity> PromptAsync()
    {
        await Once.WaitAsync();
        try
        {
            return _prompt ??= await OpenPromptAsync(reflection);
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<JObject> InvokeAsync(string name, JObject data, string userId)
    {
        var activity = Host.Activities.ChannelDialogInvoke(name, data, userId);
        activity["from"]!["name"] = TeamHost.Team.Single(t => t.Id == userId).Name;
        var response = await Host.PostAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"{name} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? [] : JObject.Parse(body);
    }

    private static JObject FormData(JObject opened, string text)
    {
        var form = (JObject)opened["task"]!["value"]!["card"]!["content"]!;
        var data = (JObject)form["actions"]![0]!["data"]!.DeepClone();
        data["answer"] = text;
        data["named"] = "false";
        return data;
    }

    [Fact]
    public async Task The_prompt_card_holds_no_inputs_and_its_Answer_button_opens_the_form_in_a_dialog()
    {
        var prompt = await PromptAsync();
        Assert.DoesNotContain(prompt.Card!.SelectTokens("$..type"), t => ((string?)t)?.StartsWith("Input.", StringComparison.Ordinal) == true);
        var button = ReflectionHost.AnswerButton(prompt);
        Assert.Equal("Answer", (string?)prompt.Card!["actions"]![0]!["title"]);
        Assert.Equal("task/fetch", (string?)button["msteams"]!["type"]);

        var opened = await InvokeAsync("task/fetch", button, "29:p01");

        Assert.Equal("continue", (string?)opened["task"]!["type"]);
        Assert.Equal("Your reflection", (string?)opened["task"]!["value"]!["title"]);
        var form = opened["task"]!["value"]!["card"]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)form["contentType"]);
        Assert.Contains(form["content"]!["body"]!, e => (string?)e["id"] == "answer" && (string?)e["type"] == "Input.Text");
        Assert.Equal("reflection-answer", (string?)form["content"]!["actions"]![0]!["data"]!["verb"]);
    }

    [Fact]
    public async Task An_answer_sent_from_the_dialog_is_saved_the_card_counts_it_in_place_and_the_dialog_closes()
    {
        var prompt = await PromptAsync();
        var rowsBefore = (await reflection.AnswerRowsAsync()).Count;
        var putsBefore = Host.SentTo(TeamsActivities.TeamId).Count(s => s.Method == "PUT");
        var opened = await InvokeAsync("task/fetch", ReflectionHost.AnswerButton(prompt), "29:p02");

        var closed = await InvokeAsync("task/submit", FormData(opened, "We made time to listen to a worried parent."), "29:p02");

        Assert.Null(closed["task"]); // nothing to show: Teams closes the dialog
        var rows = await reflection.AnswerRowsAsync();
        Assert.Equal(rowsBefore + 1, rows.Count);
        Assert.Contains(rows, r => r.GetString("Text") == "We made time to listen to a worried parent.");
        var update = await Host.WaitForSentAsync(s => s.Method == "PUT" && s.ConversationId.StartsWith(TeamsActivities.TeamId, StringComparison.Ordinal) && Host.SentTo(TeamsActivities.TeamId).Count(p => p.Method == "PUT") > putsBefore, "the prompt card's count updated in place");
        Assert.Contains("reflected so far", update.Card!.ToString(), StringComparison.Ordinal);
        await Host.WaitForSentAsync(s => s.ConversationId == TeamsActivities.PersonalConversationId("29:p02") && s.Card?.ToString().Contains("anonymous", StringComparison.OrdinalIgnoreCase) == true, "the thanks in p02's own chat");
    }

    public static TheoryData<string, string> ForgedOpens => new()
    {
        { "team", "19:someone-elses-team@thread.tacv2" },
        { "week", "2026-W99" },
        { "dialog", "someone-elses-form" },
        { "verb", "reflection-answer" },
    };

    [Theory]
    [MemberData(nameof(ForgedOpens))]
    public async Task A_dialog_asked_for_another_team_an_unknown_week_or_an_unknown_form_opens_nothing_and_says_so_kindly(string field, string forged)
    {
        var prompt = await PromptAsync();
        var button = ReflectionHost.AnswerButton(prompt);
        button[field] = forged;

        var answer = await InvokeAsync("task/fetch", button, "29:p03");

        Assert.Equal("message", (string?)answer["task"]!["type"]);
        Assert.Matches("(closed or moved on|haven't saved or changed anything)", (string?)answer["task"]!["value"]);
    }

    [Fact]
    public async Task A_forged_or_over_long_dialog_submit_is_answered_in_the_dialog_and_stores_nothing()
    {
        var prompt = await PromptAsync();
        var opened = await InvokeAsync("task/fetch", ReflectionHost.AnswerButton(prompt), "29:p04");
        var rowsBefore = (await reflection.AnswerRowsAsync()).Count;
        var unknownVerb = FormData(opened, "Hello");
        unknownVerb["verb"] = "reflection-delete-everything";
        var tooLong = FormData(opened, new string('a', 5000));
        var notAnObject = new JObject { ["verb"] = 42 };

        foreach (var forged in new[] { unknownVerb, tooLong, notAnObject })
        {
            var answer = await InvokeAsync("task/submit", forged, "29:p04");
            Assert.Equal("message", (string?)answer["task"]?["type"] ?? "message");
        }

        Assert.Equal(rowsBefore, (await reflection.AnswerRowsAsync()).Count);
        Assert.DoesNotContain(Host.Connector.Sent, s => s.Activity.ToString().Contains("Exception", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The reflection host as the Playground runs the bot: dialogs off, so the Answer button posts the form as a card of its own.</summary>
public class ReflectionHostWithoutDialogs() : ReflectionHost(null, new() { ["Dialogs:Enabled"] = "false" });

public class AnswerFormFallbackTests(ReflectionHostWithoutDialogs reflection) : IClassFixture<ReflectionHostWithoutDialogs>
{
    [Fact]
    public async Task Without_dialogs_the_Answer_button_sends_the_form_to_the_persons_own_chat_and_an_answer_from_there_counts_for_the_team()
    {
        var host = reflection.Host;
        var prompt = await AnswerDialogTests.OpenPromptAsync(reflection);
        var button = ReflectionHost.AnswerButton(prompt);
        Assert.Null(button["msteams"]);
        Assert.Equal("dialog-open", (string?)button["verb"]);
        var postsInChannel = host.SentTo(TeamsActivities.TeamId).Count(s => s.Method == "POST");

        await host.SubmitAsync(button, "29:p01", inChannel: true);
        var form = await host.WaitForSentAsync(s => s.ConversationId == TeamsActivities.PersonalConversationId("29:p01") && s.Card?["body"]?.Any(e => (string?)e["id"] == "answer") == true, "the answer form in p01's own chat");
        Assert.Equal(postsInChannel, host.SentTo(TeamsActivities.TeamId).Count(s => s.Method == "POST")); // nothing in the channel says someone is answering

        var data = (JObject)form.Card!["actions"]![0]!["data"]!.DeepClone();
        data["answer"] = "Someone stayed late so I could get home.";
        await host.SubmitAsync(ReflectionHost.Answer(prompt, "Another person answering meanwhile."), "29:p02", inChannel: true);
        await host.SubmitAsync(data, "29:p01");

        var rows = await reflection.AnswerRowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.GetString("Text") == "Someone stayed late so I could get home.");
        await host.WaitForSentAsync(s => s.Method == "PUT" && s.Card?.ToString().Contains("2 people have reflected so far.", StringComparison.Ordinal) == true, "the prompt card counting both answers");
    }

    [Fact]
    public async Task An_answer_form_sent_from_personal_chat_for_a_team_the_person_is_not_in_is_refused_and_stores_nothing()
    {
        var host = reflection.Host;
        var prompt = await AnswerDialogTests.OpenPromptAsync(reflection);
        var rowsBefore = (await reflection.AnswerRowsAsync()).Count;
        var forged = ReflectionHost.Answer(prompt, "Not my team.");
        forged["team"] = "19:someone-elses-team@thread.tacv2";

        await host.SubmitAsync(forged, "29:p03");

        Assert.Equal(rowsBefore, (await reflection.AnswerRowsAsync()).Count);
    }
}
