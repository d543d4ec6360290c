using KindnessBot.Bot.Tests.Hosting;
using System.Net;
using KindnessBot.Core.Recognition;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Recognition;

/// <summary>Recognition end to end over HTTP: give, consent, celebrate, decline, retries, waiting delivery, the rules.</summary>
public class RecognitionFlowTests(TeamHost host) : IClassFixture<TeamHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    private IRecognitionStore Store => host.Services.GetRequiredService<IRecognitionStore>();

    private string Tenant => host.Activities.TenantId;

    /// <summary>The consent request in the recipient's chat, once the delivery path has delivered it (bounded).</summary>
    private Task<SentActivity> ConsentCardAsync(string recipient, string? what = null) =>
        host.DeliveredAsync(s => s.ConversationId == Chat(recipient) && s.Card?.ToString().Contains("recognised you", StringComparison.Ordinal) == true && (what is null || s.Card.ToString().Contains(what, StringComparison.Ordinal)), $"The consent request reaching {recipient}");

    /// <summary>The giver's note of what the recipient decided, once delivered.</summary>
    private Task<SentActivity> GiverNoteAsync(string giver, string contains) =>
        host.DeliveredAsync(s => s.ConversationId == Chat(giver) && s.Card?.ToString().Contains(contains, StringComparison.Ordinal) == true, $"The note to {giver} saying \"{contains}\"");

    [Fact]
    public async Task Given_in_a_channel_the_recipient_is_asked_first_and_only_after_yes_is_it_celebrated_there()
    {
        await host.SubmitAsync(TeamHost.Give("29:p01"), "29:p02", inChannel: true);

        var ask = await ConsentCardAsync("29:p01");
        Assert.Equal("Person 2 recognised you", (string?)ask.Card?["body"]?[0]?["inlines"]?[0]?["text"]);
        Assert.DoesNotContain(host.SentTo(TeamsActivities.TeamId), s => s.Card?.ToString().Contains("Person 2 recognised Person 1", StringComparison.Ordinal) == true);
        Assert.Contains("I've let Person 1 know", host.LastIn(TeamsActivities.TeamId + ";messageid=1700000000000")!.Card!.ToString(), StringComparison.Ordinal);

        var share = (JObject)ask!.Card!["actions"]![0]!["data"]!;
        await host.SubmitAsync(share, "29:p01");
        Assert.Equal("Your choice is saved", host.LastIn(Chat("29:p01"))!.CardTitle);

        await host.DeliveredAsync(s => s.ConversationId == TeamsActivities.TeamId && s.Card?.ToString().Contains("Person 2 recognised Person 1:", StringComparison.Ordinal) == true, "The celebration in the channel");
        await GiverNoteAsync("29:p02", "shared it with Care Team");
        await host.DeliverAsync();
        var celebration = Assert.Single(host.SentTo(TeamsActivities.TeamId), s => s.Card?.ToString().Contains("Person 2 recognised Person 1:", StringComparison.Ordinal) == true);
        Assert.Contains("Stayed late to help a lost family", celebration.Card!.ToString(), StringComparison.Ordinal);
        var received = Assert.Single(await Store.ReceivedAsync(Tenant, "29:p01", null, 10, default));
        Assert.Equal(ConsentStatus.Shared, received.Status);
        Assert.Single(await Store.TeamAsync(Tenant, TeamsActivities.TeamId, 10, default), r => r.Key == received.Key);
    }

    [Fact]
    public async Task A_consent_card_sent_before_its_field_was_renamed_still_records_the_choice()
    {
        await host.SubmitAsync(TeamHost.Give("29:p08", what: "Brought soup when I was ill."), "29:p07", inChannel: true);
        var keep = (JObject)(await ConsentCardAsync("29:p08")).Card!["actions"]![1]!["data"]!;
        Assert.Null(keep["key"]);
        keep["key"] = keep["recognition"]!.DeepClone(); // as cards carried it before: "key", which the Adaptive Cards SDK reserves
        keep.Remove("recognition");

        await host.SubmitAsync(keep, "29:p08");

        Assert.Equal(ConsentStatus.Private, Assert.Single(await Store.ReceivedAsync(Tenant, "29:p08", null, 10, default)).Status);
    }

    [Fact]
    public async Task Keep_it_between_us_posts_nothing_to_the_channel_and_tells_the_giver_kindly()
    {
        await host.SubmitAsync(TeamHost.Give("29:p03", what: "Listened properly when I was struggling."), "29:p04", inChannel: true);
        var keep = (JObject)(await ConsentCardAsync("29:p03")).Card!["actions"]![1]!["data"]!;

        await host.SubmitAsync(keep, "29:p03");
        await host.SubmitAsync(keep, "29:p03"); // pressed twice

        await GiverNoteAsync("29:p04", "would like to keep it between you");
        await host.DeliverAsync();
        Assert.DoesNotContain(host.SentTo(TeamsActivities.TeamId), s => s.Card?.ToString().Contains("Listened properly", StringComparison.Ordinal) == true);
        Assert.Contains("already decided", host.LastIn(Chat("29:p03"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(ConsentStatus.Private, Assert.Single(await Store.ReceivedAsync(Tenant, "29:p03", null, 10, default)).Status);
    }

    [Fact]
    public async Task The_same_card_submitted_ten_times_makes_one_recognition_and_one_notification()
    {
        var give = TeamHost.Give("29:p05", cardId: Guid.NewGuid().ToString("N"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.SubmitAsync(give, "29:p06")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await Store.ReceivedAsync(Tenant, "29:p05", null, 10, default));
        Assert.Single(await Store.GivenAsync(Tenant, "29:p06", 10, default));
        await ConsentCardAsync("29:p05");
        await host.DeliverAsync();
        Assert.Single(host.SentTo(Chat("29:p05")), s => s.Card?.ToString().Contains("recognised you", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_recognition_for_someone_who_has_not_talked_to_the_bot_waits_and_is_delivered_when_they_do()
    {
        await host.SubmitAsync(TeamHost.Give("29:sam", celebrateIn: TeamsActivities.TeamId), "29:p07");

        Assert.Contains("hasn't chatted with me yet", host.LastIn(Chat("29:p07"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.SentTo(Chat("29:sam")));

        await host.PostAsync(host.Activities.BotAddedToPersonal("29:sam"));

        await ConsentCardAsync("29:sam", "Person 7 recognised you");
        await host.DeliverAsync();
        Assert.Single(host.SentTo(Chat("29:sam")), s => s.Card?.ToString().Contains("Person 7 recognised you", StringComparison.Ordinal) == true);
        Assert.Equal(Core.Recognition.ChatAtGiving.Waiting, Assert.Single(await Store.ReceivedAsync(Tenant, "29:sam", null, 10, default)).Delivery);
    }

    [Fact]
    public async Task Recognising_yourself_is_refused_kindly_and_nothing_is_stored()
    {
        await host.SubmitAsync(TeamHost.Give("29:p08"), "29:p08");

        Assert.Contains("this is for noticing others", host.LastIn(Chat("29:p08"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Empty(await Store.GivenAsync(Tenant, "29:p08", 10, default));
    }

    [Theory]
    [InlineData("29:stranger")]
    [InlineData("29:other-tenant-person")]
    public async Task Someone_outside_the_givers_teams_cannot_be_recognised_and_nothing_is_stored(string forged)
    {
        await host.SubmitAsync(TeamHost.Give(forged), "29:p09");

        Assert.Contains("couldn't find that person", host.LastIn(Chat("29:p09"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Empty(await Store.GivenAsync(Tenant, "29:p09", 10, default));
        Assert.Empty(await Store.ReceivedAsync(Tenant, forged, null, 10, default));
    }

    [Fact]
    public async Task A_team_the_giver_is_not_in_is_refused_and_nothing_is_stored()
    {
        await host.SubmitAsync(TeamHost.Give("29:megan", celebrateIn: "19:someone-elses-team@thread.tacv2"), "29:p10");

        Assert.Contains("only celebrate in a team you're part of", host.LastIn(Chat("29:p10"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Empty(await Store.GivenAsync(Tenant, "29:p10", 10, default));
    }

    [Fact]
    public async Task The_daily_limit_is_reached_kindly()
    {
        for (var i = 0; i < 4; i++)
        {
            await host.SubmitAsync(TeamHost.Give("29:megan", what: $"Kind thing {i}"), "29:p11");
        }

        await host.SubmitAsync(TeamHost.Give("29:megan", what: "One too many"), "29:p11");

        Assert.Contains("the rest can wait until tomorrow", host.LastIn(Chat("29:p11"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, (await Store.GivenAsync(Tenant, "29:p11", 10, default)).Count);
    }

    [Fact]
    public async Task A_recipient_cannot_decide_about_someone_elses_recognition()
    {
        await host.SubmitAsync(TeamHost.Give("29:lee", what: "Covered my shift."), "29:p12", inChannel: true);
        var share = (JObject)(await ConsentCardAsync("29:lee")).Card!["actions"]![0]!["data"]!;

        await host.SubmitAsync(share, "29:p12"); // the giver forging the recipient's button

        Assert.Contains("couldn't find that recognition for you", host.LastIn(Chat("29:p12"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(ConsentStatus.AwaitingConsent, Assert.Single(await Store.ReceivedAsync(Tenant, "29:lee", null, 10, default)).Status);
    }

    [Fact]
    public async Task What_people_write_is_shown_exactly_as_written_and_cannot_format_the_card_or_mention_anyone()
    {
        const string written = "**Bold claim** [click](https://evil.example) <at>Everyone</at>";
        await host.SubmitAsync(TeamHost.Give("29:alex", what: written), "29:megan", inChannel: true);

        var sent = await ConsentCardAsync("29:alex", "Bold claim");
        var card = sent.Card!;
        var runs = card.SelectTokens("$..inlines[*].text").Select(t => (string?)t).ToList();
        Assert.Contains(written, runs);
        Assert.DoesNotContain(card.SelectTokens("$..[?(@.type == 'TextBlock')].text"), t => ((string?)t)!.Contains("Bold claim", StringComparison.Ordinal));
        Assert.Empty(sent.Activity["entities"] ?? new JArray());
    }
}
