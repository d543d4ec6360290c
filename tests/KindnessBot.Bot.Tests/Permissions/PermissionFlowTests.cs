using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Permissions;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>Permission to flex over HTTP: Lee installed the team, so Lee leads it; the others are members.</summary>
public class PermissionFlowTests(TeamHost host) : IClassFixture<TeamHost>
{
    private const string Channel = PermissionTurns.Channel;

    private IPermissionStore Store => host.Store();

    private static string Chat(string userId) => PermissionTurns.Chat(userId);

    private Task<(PermissionStatement Statement, SentActivity Card)> PostStatementAsync(string what) => host.PostStatementAsync(what);

    private static JObject Button(SentActivity card, string title) => PermissionTurns.Button(card, title);

    [Fact]
    public async Task A_leader_previews_then_posts_and_the_team_sees_the_statement_with_its_buttons()
    {
        await host.PostAsync(host.Activities.ChannelMessage("give permission", "29:lee"));
        Assert.Contains(host.Connector.Sent, s => s.CardTitle == "Give permission to flex");

        var (statement, card) = await PostStatementAsync("You can stay on a call as long as someone needs");

        Assert.Equal(["I've read this", "I used this", "Extend by 30 days", "Revoke"], card.Card!["actions"]!.Select(a => (string)a["title"]!));
        Assert.NotNull(statement.ActivityId);
        Assert.Contains("Read by 0 · used 0 times", card.Card.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pressing_I_have_read_this_twice_counts_once_and_the_card_is_updated_in_place()
    {
        var (statement, card) = await PostStatementAsync("You can move a meeting to help a colleague with caring duties");

        await host.SubmitAsync(Button(card, "I've read this"), "29:p01", inChannel: true);
        await host.SubmitAsync(Button(card, "I've read this"), "29:p01", inChannel: true);

        Assert.Equal(1, (await Store.FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!.ReadCount);
        var update = host.Connector.Sent.Last(s => s.Method == "PUT" && s.ReplyToId == statement.ActivityId);
        Assert.Contains("Read by 1 · used 0 times", update.Card!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_card_posted_before_its_field_was_renamed_still_counts_a_read()
    {
        var (statement, card) = await PostStatementAsync("You can swap a shift to look after a poorly pet");
        var press = Button(card, "I've read this");
        Assert.Null(press["key"]);
        press["key"] = press["statement"]!.DeepClone(); // as cards carried it before: "key", which the Adaptive Cards SDK reserves
        press.Remove("statement");

        await host.SubmitAsync(press, "29:p08", inChannel: true);

        Assert.Equal(1, (await Store.FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!.ReadCount);
    }

    [Fact]
    public async Task When_Teams_refuses_the_card_update_the_read_still_counts_and_the_reader_is_thanked()
    {
        var (statement, card) = await PostStatementAsync("You can take a long lunch to visit a colleague in hospital");
        host.Connector.RefuseNext(1, 503, method: "PUT");

        await host.SubmitAsync(Button(card, "I've read this"), "29:p07", inChannel: true);

        Assert.Equal(1, host.Connector.Refused);
        Assert.Equal(1, (await Store.FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!.ReadCount);
        Assert.Contains("Thank you for reading it.", host.Connector.Sent.Last(s => s.ConversationId.StartsWith(Channel, StringComparison.Ordinal) && s.Method == "POST").Card!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task I_used_this_opens_the_decision_form_and_a_shared_decision_becomes_a_story_in_the_channel()
    {
        var (statement, card) = await PostStatementAsync("You can waive a late fee once a year for anyone struggling");

        await host.SubmitAsync(Button(card, "I used this"), "29:p02", inChannel: true);
        var form = host.Connector.Sent.Last(s => s.CardTitle == "Record a flexible decision");
        Assert.Equal($"{Channel}|{statement.Key}", (string?)form.Card!.SelectToken("$.body[?(@.id == 'reliedOn')].value"));

        await host.SubmitAsync(PermissionTurns.Decision(statement.Key, "Waived the fee", share: true), "29:p02", inChannel: true);

        await host.DeliveredAsync(s => s.ConversationId == Channel && s.CardTitle == "A kindness story" && s.Card!.ToString().Contains("Waived the fee", StringComparison.Ordinal), "The story posted in the channel");
        Assert.Equal(1, (await Store.FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!.UsedCount);
    }

    [Fact]
    public async Task Someone_who_is_not_a_leader_cannot_post_or_revoke_and_the_attempt_is_logged()
    {
        var (statement, card) = await PostStatementAsync("You can give a colleague the afternoon off after a hard shift");
        var warningsBefore = NotALeaderWarnings();

        await host.SubmitAsync(PermissionTurns.Form("permission-post", "A forged statement"), "29:p03", inChannel: true);
        await host.SubmitAsync(Button(card, "Revoke"), "29:p03", inChannel: true);

        Assert.DoesNotContain(await Store.ListAsync(host.Activities.TenantId, Channel, 50, default), s => s.What == "A forged statement");
        Assert.False((await Store.FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!.Revoked);
        Assert.Equal(warningsBefore + 2, NotALeaderWarnings());
    }

    private int NotALeaderWarnings() =>
        host.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("not a leader", StringComparison.Ordinal));

    [Fact]
    public async Task A_revoked_statement_says_so_on_its_card_and_cannot_be_relied_on()
    {
        var (statement, card) = await PostStatementAsync("You can buy a coffee for anyone who is having a rough day");

        await host.SubmitAsync(Button(card, "Revoke"), "29:lee", inChannel: true);
        await host.SubmitAsync(PermissionTurns.Decision(statement.Key, "Bought a coffee"), "29:p04", inChannel: true);

        Assert.Contains("This permission has been revoked.", host.Connector.Sent.Last(s => s.Method == "PUT" && s.ReplyToId == statement.ActivityId).Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains("isn't in force", host.Connector.Sent[^1].Card!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await Store.DecisionsAsync(host.Activities.TenantId, Channel, default), d => d.Decided == "Bought a coffee");
    }

    [Fact]
    public async Task Permissions_lists_what_applies_and_the_flex_log_counts_for_the_leader_only()
    {
        await PostStatementAsync("You can take ten minutes with a distressed visitor");

        await host.PostAsync(host.Activities.PersonalMessage("permissions", "29:p05"));
        Assert.Contains("You can take ten minutes with a distressed visitor", host.LastIn(Chat("29:p05"))!.Card!.ToString(), StringComparison.Ordinal);

        await host.PostAsync(host.Activities.PersonalMessage("flex log", "29:p05"));
        Assert.Contains("Only a leader", host.LastIn(Chat("29:p05"))!.Card!.ToString(), StringComparison.Ordinal);

        await host.PostAsync(host.Activities.PersonalMessage("flex log", "29:lee"));
        Assert.Equal("How your permissions are being used", host.LastIn(Chat("29:lee"))!.CardTitle);
    }
}
