using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Conversations;

/// <summary>Names from Teams longer than Table Storage allows in a property (64 KiB) are kept shortened, and the turn works.</summary>
public class LongNameTests(BotHost host) : IClassFixture<BotHost>
{
    private static readonly string Huge = string.Concat(Enumerable.Repeat("Care Team 🌱 ", 4_000)); // about 52,000 characters

    [Fact]
    public async Task A_team_or_channel_name_longer_than_Teams_allows_is_refused_at_the_door_and_nothing_is_stored()
    {
        var message = host.Activities.ChannelMessage("help");
        message["channelData"]!["team"]!["id"] = "19:long-named-team";
        message["channelData"]!["team"]!["name"] = Huge;

        var response = await host.PostAsync(message);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await host.Services.GetRequiredService<IConversationStore>().FindAsync(host.Activities.TenantId, "19:long-named-team", default));
    }

    [Fact]
    public async Task A_colleague_whose_roster_name_is_over_the_storage_limit_can_be_recognised_and_is_kept_with_a_shortened_name()
    {
        host.Connector.SetMembers(TeamsActivities.GroupChatId, host.Activities.TenantId, ("29:alex", "Alex Wilber"), ("29:long", Huge));
        await host.PostAsync(host.Activities.BotAddedToPersonal("29:long"));
        var give = new JObject
        {
            ["verb"] = "recognition-give", ["cardId"] = Guid.NewGuid().ToString("N"), ["recipient"] = "29:long",
            ["what"] = "Made everyone a cup of tea.", ["commitments"] = "Listening", ["hopeToShare"] = "false",
        };
        var submit = host.Activities.GroupMessage(string.Empty);
        submit["value"] = give;

        var response = await host.PostAsync(submit);

        Assert.True(response.IsSuccessStatusCode, response.ToString());
        await host.WaitForSentAsync(s => s.ConversationId == TeamsActivities.PersonalConversationId("29:long") && s.Card is not null && s.Card.ToString().Contains("cup of tea", StringComparison.Ordinal), "The consent request reaching the colleague");
        var consent = Assert.Single(host.Connector.Sent, s => s.ConversationId == TeamsActivities.PersonalConversationId("29:long") && s.Card is not null && s.Card.ToString().Contains("cup of tea", StringComparison.Ordinal));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(consent.Card!.ToString()) < 28_000, "the consent card stays under Teams' size limit");
        var received = await host.Services.GetRequiredService<Core.Recognition.IRecognitionStore>().ReceivedAsync(host.Activities.TenantId, "29:long", null, 10, default);
        Assert.InRange(Assert.Single(received).RecipientName.Length, 1, DisplayName.MaxLength);
    }

    [Fact]
    public void A_name_is_cut_on_a_whole_character_with_an_ellipsis_and_loses_control_characters()
    {
        var cut = DisplayName.Bound(new string('a', DisplayName.MaxLength - 2) + "🌱🌱🌱")!;

        Assert.Equal(DisplayName.MaxLength - 1, cut.Length);
        Assert.EndsWith("a…", cut, StringComparison.Ordinal);
        Assert.Equal("Lee Lead", DisplayName.Bound(" Lee\u0000 Lead\u0007 "));
        Assert.Null(DisplayName.Bound("\u0001 "));
    }
}
