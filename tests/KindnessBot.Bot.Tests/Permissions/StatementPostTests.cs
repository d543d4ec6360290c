using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Testing;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>"Post it" over HTTP: one statement per form card, whether Teams refused the first post or the leader pressed twice.</summary>
public class StatementPostTests(TeamHost host) : IClassFixture<TeamHost>
{
    private const string Channel = PermissionTurns.Channel;

    [Fact]
    public async Task When_Teams_refused_the_post_the_delivery_path_posts_the_statement_once_and_pressing_Post_it_again_makes_no_second()
    {
        const string what = "You can walk a visitor to where they need to be";
        var post = await host.PreviewAsync(what);
        var refusedBefore = host.Connector.Refused;
        host.Connector.RefuseNext(1, 503, only: a => a.ToString().Contains(what, StringComparison.Ordinal) && a.ToString().Contains("I've read this", StringComparison.Ordinal));

        await host.SubmitAsync(post, "29:lee", inChannel: true);
        await host.UntilDeliveredAsync(() => Task.FromResult(host.Connector.Refused == refusedBefore + 1), "Teams refusing the first post");

        // The delivery path retries it (after the backoff) and posts it once; pressing Post it again changes nothing.
        await host.SubmitAsync(post, "29:lee", inChannel: true);
        await host.UntilDeliveredAsync(async () => (await host.Store().ListAsync(host.Activities.TenantId, Channel, 500, default)).Any(s => s.What == what && s.ActivityId is not null), "The statement posted after the refusal");
        await host.DeliverAsync();

        Assert.Single(await host.Store().ListAsync(host.Activities.TenantId, Channel, 500, default), s => s.What == what);
        Assert.Single(host.StatementCards(what));
    }

    [Fact]
    public async Task A_double_click_on_Post_it_from_two_previews_of_one_form_makes_one_statement_and_one_card()
    {
        const string what = "You can sit with someone who has had bad news";
        var form = PermissionTurns.Form("permission-preview", what);
        await host.SubmitAsync(form, "29:lee", inChannel: true);
        await host.SubmitAsync(form, "29:lee", inChannel: true); // "Preview" pressed twice: two previews of one form
        var previews = host.Connector.Sent.Where(s => s.CardTitle == "Here's how it will look" && s.Card!.ToString().Contains(what, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, previews.Count);
        var post = (JObject)previews[^1].Card!["actions"]![0]!["data"]!;
        Assert.Equal((string?)form["cardId"], (string?)post["cardId"]);

        await Within.Async(TimeSpan.FromSeconds(60), Task.WhenAll(previews.Concat(previews).Concat(previews).Select(p => host.SubmitAsync((JObject)p.Card!["actions"]![0]!["data"]!, "29:lee", inChannel: true))), "Six presses of Post it on two previews");

        await host.UntilDeliveredAsync(() => Task.FromResult(host.StatementCards(what).Count > 0), "The statement's card posted");
        await host.DeliverAsync();
        Assert.Single(await host.Store().ListAsync(host.Activities.TenantId, Channel, 500, default), s => s.What == what);
        Assert.Single(host.StatementCards(what));
    }

    [Fact]
    public async Task A_statement_Teams_never_showed_is_not_listed_for_anyone()
    {
        const string what = "You can close the counter for ten minutes to comfort someone";
        var post = await host.PreviewAsync(what);
        var refusedBefore = host.Connector.Refused;
        host.Connector.RefuseNext(1, 403, only: a => a.ToString().Contains(what, StringComparison.Ordinal) && a.ToString().Contains("I've read this", StringComparison.Ordinal)); // for good: the bot may not post there
        await host.SubmitAsync(post, "29:lee", inChannel: true);
        await host.UntilDeliveredAsync(() => Task.FromResult(host.Connector.Refused == refusedBefore + 1), "Teams refusing the post");

        await host.PostAsync(host.Activities.PersonalMessage("permissions", "29:p12"));

        Assert.Contains(await host.Store().ListAsync(host.Activities.TenantId, Channel, 500, default), s => s.What == what);
        Assert.DoesNotContain(what, host.LastIn(PermissionTurns.Chat("29:p12"))!.Card!.ToString(), StringComparison.Ordinal);
    }
}
