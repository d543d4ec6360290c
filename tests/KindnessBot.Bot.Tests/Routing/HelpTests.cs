using System.Net;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Routing;

public class HelpTests(BotHost host) : IClassFixture<BotHost>
{
    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("  Help!  ")]
    [InlineData("hello")]
    public async Task Typing_help_in_personal_chat_shows_the_help_card(string text)
    {
        var activity = host.Activities.PersonalMessage(text, userId: "29:help-" + Guid.NewGuid().ToString("N")[..6]);

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(RepliesTo(activity));
        Assert.Equal("Here's what I can do", reply.CardTitle);
    }

    [Fact]
    public async Task Help_works_in_a_channel_with_the_mention_removed()
    {
        var activity = host.Activities.ChannelMessage("help");

        await host.PostAsync(activity);

        var reply = Assert.Single(RepliesTo(activity));
        Assert.Equal("Here's what I can do", reply.CardTitle);
        Assert.Contains("Mention me first", reply.Card!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_works_in_a_group_chat()
    {
        var activity = host.Activities.GroupMessage("Help");

        await host.PostAsync(activity);

        Assert.Equal("Here's what I can do", Assert.Single(RepliesTo(activity)).CardTitle);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_kind_pointer_to_what_the_bot_can_do()
    {
        var activity = host.Activities.PersonalMessage("make me a sandwich", userId: "29:sandwich");

        await host.PostAsync(activity);

        var reply = Assert.Single(RepliesTo(activity));
        Assert.Equal("I'm not sure what you meant, sorry. Here's what I can help with.", reply.Text);
        Assert.Equal("Here's what I can do", reply.CardTitle);
    }

    [Fact]
    public async Task The_see_what_I_can_do_button_shows_the_help_card()
    {
        var activity = host.Activities.PersonalSubmit(new JObject { ["verb"] = "help" }, userId: "29:button");

        await host.PostAsync(activity);

        Assert.Equal("Here's what I can do", Assert.Single(RepliesTo(activity)).CardTitle);
    }

    [Fact]
    public async Task Action_Execute_with_the_help_verb_is_answered_and_shows_the_help_card()
    {
        var activity = host.Activities.PersonalExecute("help", userId: "29:execute");

        var response = await host.PostAsync(activity);

        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("Here's what I can do", Assert.Single(RepliesTo(activity)).CardTitle);
    }

    private IEnumerable<SentActivity> RepliesTo(JObject activity) =>
        host.Connector.Sent.Where(s => s.ReplyToId == (string?)activity["id"]);
}
