using System.Net;
using KindnessBot.Bot.Recognition;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Recognition;

/// <summary>What people wrote stays text in the appraisal file and on cards; the file is never cached.</summary>
public class AppraisalSafetyTests(TeamHost host) : IClassFixture<TeamHost>
{
    private const string Hostile = "<img src=x onerror=alert(1)> [click me](http://evil.example/track.png) **bold** <script>alert('x')</script>";

    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    private async Task<Uri> SummaryLinkAsync(string recipient)
    {
        // The consent request arrives first (on the delivery path), so the last card in the chat is the link's.
        await host.DeliveredAsync(s => s.ConversationId == Chat(recipient) && s.Card?.ToString().Contains("recognised you", StringComparison.Ordinal) == true, "The consent request reaching " + recipient);
        await host.PostAsync(host.Activities.PersonalMessage("appraisal summary", recipient));
        await host.SubmitAsync(new JObject { ["verb"] = "appraisal-summary", ["months"] = "6" }, recipient);
        return new Uri((string)host.LastIn(Chat(recipient))!.Card!["actions"]![0]!["url"]!);
    }

    [Fact]
    public async Task Hostile_text_in_a_recognition_is_shown_as_written_in_the_appraisal_file_not_as_HTML_or_links()
    {
        await host.SubmitAsync(TeamHost.Give("29:p06", what: Hostile), "29:p05");

        var file = await host.Client.GetStringAsync((await SummaryLinkAsync("29:p06")).PathAndQuery);

        Assert.DoesNotContain("<img", file, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", file, StringComparison.Ordinal);
        Assert.DoesNotContain("](http", file, StringComparison.Ordinal);
        Assert.DoesNotContain("**bold**", file, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert\\(1\\)&gt; \\[click me\\]\\(http", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_appraisal_file_and_its_refusal_are_never_cached()
    {
        await host.SubmitAsync(TeamHost.Give("29:p08", what: "Listened properly."), "29:p07");
        var link = await SummaryLinkAsync("29:p08");

        var download = await host.Client.GetAsync(link.PathAndQuery);
        var refused = await host.Client.GetAsync("/appraisal-summary?t=forged.token");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Headers.CacheControl?.NoStore, "the summary must say no-store");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore, "the refusal must say no-store");
    }

    [Fact]
    public void A_team_name_on_the_consent_card_is_plain_text_never_Markdown()
    {
        var recognition = RecognitionCardSamples.Sample() with { CelebrateInTeamName = "**Care** [Team](http://evil.example)" };

        var card = JObject.Parse(new RecognitionCards().Consent(recognition, "en-GB").Json);

        Assert.DoesNotContain(card.Descendants().OfType<JObject>(), e => (string?)e["type"] == "TextBlock" && ((string?)e["text"])?.Contains("**Care**", StringComparison.Ordinal) == true);
        Assert.Contains(card.Descendants().OfType<JObject>(), e => (string?)e["type"] == "TextRun" && ((string?)e["text"])?.Contains("**Care** [Team](http://evil.example)", StringComparison.Ordinal) == true);
    }
}
