using KindnessBot.Bot.Tests.Hosting;
using System.Net;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Recognition;

/// <summary>Looking back, the appraisal summary and its file, and the ways in: command, buttons, compose box, message menu.</summary>
public class LookBackAndEntryPointTests(TeamHost host) : IClassFixture<TeamHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    [Fact]
    public async Task My_kindness_shows_received_and_given_newest_first_with_counts_per_commitment()
    {
        await host.SubmitAsync(TeamHost.Give("29:p01", what: "First kind act", commitments: "Listening"), "29:p02");
        await host.SubmitAsync(TeamHost.Give("29:p01", what: "Second kind act", commitments: "Listening,Learning"), "29:p03");
        await host.SubmitAsync(TeamHost.Give("29:p02", what: "Given back", commitments: "Systemic"), "29:p01");

        await host.PostAsync(host.Activities.PersonalMessage("My Kindness", "29:p01"));

        var card = host.LastIn(Chat("29:p01"))!.Card!.ToString();
        Assert.Contains("Received (2)", card, StringComparison.Ordinal);
        Assert.Contains("Given (1)", card, StringComparison.Ordinal);
        Assert.True(card.IndexOf("Second kind act", StringComparison.Ordinal) < card.IndexOf("First kind act", StringComparison.Ordinal), "newest first");
        var facts = JObject.Parse(card).SelectTokens("$..facts[*]").ToDictionary(f => (string)f["title"]!, f => (string)f["value"]!);
        Assert.Equal(("2", "1"), (facts["Listening"], facts["Learning"]));
    }

    [Fact]
    public async Task My_kindness_pages_through_more_than_five()
    {
        foreach (var giver in new[] { "29:p05", "29:p06", "29:p07", "29:p08", "29:p09", "29:p10" })
        {
            await host.SubmitAsync(TeamHost.Give("29:p04", what: "Kindness from " + giver), giver);
        }

        await host.UntilDeliveredAsync(() => Task.FromResult(host.SentTo(Chat("29:p04")).Count(s => s.Card?.ToString().Contains("recognised you", StringComparison.Ordinal) == true) == 6), "The six consent requests reaching Person 4");

        await host.PostAsync(host.Activities.PersonalMessage("my kindness", "29:p04"));
        var more = (JObject)host.LastIn(Chat("29:p04"))!.Card!["actions"]![0]!["data"]!;
        await host.SubmitAsync(more, "29:p04");

        var second = host.LastIn(Chat("29:p04"))!.Card!.ToString();
        Assert.Contains("Kindness from 29:p05", second, StringComparison.Ordinal); // the oldest, on page two
        Assert.DoesNotContain("Kindness from 29:p10", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_appraisal_summary_is_only_for_the_recipient_and_downloads_as_a_file_behind_a_signed_link()
    {
        await host.SubmitAsync(TeamHost.Give("29:p11", what: "Made a new starter feel welcome", commitments: "Understanding"), "29:p12");
        await host.DeliveredAsync(s => s.ConversationId == Chat("29:p11") && s.Card?.ToString().Contains("recognised you", StringComparison.Ordinal) == true, "The consent request reaching Person 11");

        await host.PostAsync(host.Activities.PersonalMessage("appraisal summary", "29:p11"));
        Assert.Equal("Kindness for your appraisal", host.LastIn(Chat("29:p11"))!.CardTitle);
        await host.SubmitAsync(new JObject { ["verb"] = "appraisal-summary", ["months"] = "6" }, "29:p11");

        var summary = host.LastIn(Chat("29:p11"))!.Card!;
        Assert.Contains("Made a new starter feel welcome", summary.ToString(), StringComparison.Ordinal);
        var link = new Uri((string)summary["actions"]![0]!["url"]!);
        var download = await host.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("kindness-summary.md", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("Made a new starter feel welcome", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tampered = link.PathAndQuery.Replace("t=", "t=x", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(tampered)).StatusCode);
    }

    [Fact]
    public async Task The_appraisal_summary_is_not_given_in_a_channel()
    {
        var activity = host.Activities.ChannelMessage("appraisal summary", "29:p11");

        await host.PostAsync(activity);

        var reply = Assert.Single(host.Connector.Sent, s => s.ReplyToId == (string?)activity["id"]);
        Assert.Contains("just for you", reply.Card!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recognise_in_personal_chat_offers_the_people_in_the_givers_teams_but_not_the_giver()
    {
        await host.PostAsync(host.Activities.PersonalMessage("recognise", "29:alex"));

        var card = host.LastIn(Chat("29:alex"))!.Card!;
        var people = card.SelectTokens("$.body[?(@.id == 'recipient')].choices[*].value").Select(v => (string)v!).ToList();
        Assert.Contains("29:megan", people);
        Assert.DoesNotContain("29:alex", people);
        Assert.Contains(TeamsActivities.TeamId, card.SelectTokens("$.body[?(@.id == 'celebrateIn')].choices[*].value").Select(v => (string)v!));
    }

    [Fact]
    public async Task The_recognise_button_on_the_help_card_opens_the_recognition_card()
    {
        await host.PostAsync(host.Activities.PersonalMessage("help", "29:lee"));
        var button = (JObject)host.LastIn(Chat("29:lee"))!.Card!["actions"]![0]!["data"]!;

        await host.SubmitAsync(button, "29:lee");

        Assert.Equal("Recognise a colleague's kindness", host.LastIn(Chat("29:lee"))!.CardTitle);
    }

    [Fact]
    public async Task The_message_action_opens_the_card_with_the_message_quoted_and_its_submit_recognises()
    {
        var fetch = host.Activities.PersonalExecute("unused", userId: "29:megan");
        fetch["name"] = "composeExtension/fetchTask";
        fetch["value"] = new JObject
        {
            ["commandId"] = "recogniseMessage",
            ["commandContext"] = "message",
            ["messagePayload"] = new JObject { ["body"] = new JObject { ["content"] = "<p>I&#39;ll cover the late shift so you can get to the school play</p>" } },
        };

        var response = JObject.Parse(await (await host.PostAsync(fetch)).Content.ReadAsStringAsync());

        Assert.Equal("continue", (string?)response["task"]?["type"]);
        var card = (JObject)response["task"]!["value"]!["card"]!["content"]!;
        var what = (string?)card.SelectToken("$.body[?(@.id == 'what')].value");
        Assert.StartsWith("> I'll cover the late shift so you can get to the school play", what, StringComparison.Ordinal);

        var submit = host.Activities.PersonalExecute("unused", userId: "29:megan");
        submit["name"] = "composeExtension/submitAction";
        submit["value"] = new JObject { ["commandId"] = "recogniseMessage", ["data"] = TeamHost.Give("29:lee", what: what + "Thank you!", cardId: (string?)card["actions"]![0]!["data"]!["cardId"]) };
        var answer = JObject.Parse(await (await host.PostAsync(submit)).Content.ReadAsStringAsync());

        Assert.Equal("message", (string?)answer["task"]?["type"]);
        Assert.Contains("I've let Lee Lead know", (string?)answer["task"]?["value"], StringComparison.Ordinal);
    }
}
