using System.Net;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Http;

/// <summary>What /api/messages answers to broken, odd and unexpected requests: never a 5xx, never exception text.</summary>
public class MessagesEndpointTests(BotHost host) : IClassFixture<BotHost>
{
    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"message\"")]
    [InlineData("{\"type\":\"message\",\"from\":\"not an object\"}")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday-ish\"}")]
    public async Task A_body_that_is_not_an_activity_gets_400(string body)
    {
        var response = await host.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNoExceptionTextAsync(response);
    }

    [Fact]
    public async Task An_oversized_body_gets_413_and_is_not_processed()
    {
        var activity = host.Activities.PersonalMessage(new string('x', 300_000), userId: "29:oversized");

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await Store.FindPersonalAsync(host.Activities.TenantId, "29:oversized", default));
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("somethingNew")]
    public async Task An_activity_type_the_bot_does_not_handle_is_acknowledged_and_ignored(string type)
    {
        var userId = "29:ignored-" + type;
        var activity = host.Activities.PersonalMessage("help", userId);
        activity["type"] = type;

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(host.Connector.Sent, s => s.ReplyToId == (string?)activity["id"]);
        Assert.Null(await Store.FindPersonalAsync(host.Activities.TenantId, userId, default));
    }

    public static TheoryData<string, string> OddActivities => new()
    {
        { "no serviceUrl", "$.serviceUrl=" },
        { "relative serviceUrl", "$.serviceUrl=/v3" },
        { "ftp serviceUrl", "$.serviceUrl=ftp://example.com/" },
        { "no conversation", "$.conversation=" },
        { "empty conversation id", "$.conversation.id=" },
        { "control characters in the conversation id", "$.conversation.id=a:\u0001\u0002" },
        { "a very long conversation id", "$.conversation.id=" + new string('c', 5000) },
        { "no from", "$.from=" },
        { "empty from id", "$.from.id=" },
        { "no recipient", "$.recipient=" },
        { "no channelId", "$.channelId=" },
        { "no tenant", "$.conversation.tenantId=|$.channelData=" },
        { "an unknown conversation type", "$.conversation.conversationType=meeting-ish" },
        { "channelData that is a string", "$.channelData=\"text\"" },
        { "a tenant id that is a number", "$.conversation.tenantId=|$.channelData.tenant={\"id\":42}" },
        { "a very long tenant id", "$.conversation.tenantId=" + new string('t', 300) },
    };

    [Theory]
    [MemberData(nameof(OddActivities))]
    public async Task An_odd_activity_gets_400_and_nothing_is_stored_or_sent(string description, string edits)
    {
        var userId = "29:odd-" + Math.Abs(description.GetHashCode(StringComparison.Ordinal));
        var activity = host.Activities.PersonalMessage("help", userId);
        foreach (var edit in edits.Split('|'))
        {
            var (path, value) = (edit[..edit.IndexOf('=', StringComparison.Ordinal)], edit[(edit.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var token = activity.SelectToken(path)!;
            if (value.Length == 0 && path != "$.conversation.id" && path != "$.from.id")
            {
                token.Parent!.Remove();
            }
            else
            {
                token.Replace(value.StartsWith('{') || value.StartsWith('"') ? JToken.Parse(value) : new JValue(value));
            }
        }

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNoExceptionTextAsync(response);
        Assert.DoesNotContain(host.Connector.Sent, s => s.ReplyToId == (string?)activity["id"]);
        Assert.Null(await Store.FindPersonalAsync(host.Activities.TenantId, userId, default));
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_handle_gets_a_4xx_not_a_5xx()
    {
        var activity = host.Activities.PersonalExecute("help", userId: "29:invoker");
        activity["name"] = "composeExtension/query";

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(host.Connector.Sent, s => s.ReplyToId == (string?)activity["id"]);
    }

    public static TheoryData<string> BadSubmits => new()
    {
        "\"just a string\"",
        "[1,2,3]",
        "{}",
        "{\"verb\":42}",
        "{\"verb\":\"no-such-verb\"}",
        "{\"verb\":\"HELP\"}",
        "{\"verb\":\"" + new string('v', 500) + "\"}",
        "{\"verb\":{\"nested\":\"object\"}}",
    };

    [Theory]
    [MemberData(nameof(BadSubmits))]
    public async Task A_malformed_or_unknown_card_submit_gets_a_kind_message_and_a_warning_in_the_log(string value)
    {
        var activity = host.Activities.PersonalSubmit(JToken.Parse(value), userId: "29:submitter");

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(host.Connector.Sent, s => s.ReplyToId == (string?)activity["id"]);
        Assert.Equal("I couldn't use that card", reply.CardTitle);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Refused a card submit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_Action_Execute_gets_an_error_response_with_a_kind_message()
    {
        var activity = host.Activities.PersonalExecute("no-such-verb", userId: "29:executor");

        var response = await host.PostAsync(activity);

        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((200, 400, "application/vnd.microsoft.error"), ((int)response.StatusCode, (int?)body["statusCode"], (string?)body["type"]));
        Assert.StartsWith("Something in it was missing", (string?)body["value"]?["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_when_storage_is_up()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/readyz")).StatusCode);
    }

    [Theory]
    [InlineData("/privacy", "KindnessBot and your privacy")]
    [InlineData("/terms", "Using KindnessBot")]
    [InlineData("/", "Commitment to Kindness")]
    public async Task The_website_privacy_and_terms_pages_the_Teams_manifest_links_to_are_served(string path, string heading)
    {
        var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(heading, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private IConversationStore Store => host.Services.GetRequiredService<IConversationStore>();

    internal static async Task AssertNoExceptionTextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
