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
    private const string Channel = TeamsActivities.TeamId;

    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    private IPermissionStore Store => host.Services.GetRequiredService<IPermissionStore>();

    private static JObject Form(string verb, string what = "You can offer a customer a goodwill gesture of up to £50 without asking", int days = 60) => new()
    {
        ["verb"] = verb,
        ["what"] = what,
        ["boundaries"] = "Once per customer; tell your lead afterwards",
        ["from"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["until"] = DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["commitments"] = "Permissive,Listening",
    };

    /// <summary>Lee posts a statement in the channel (preview, then "Post it") and it is returned with its card's buttons.</summary>
    private async Task<(PermissionStatement Statement, SentActivity Card)> PostStatementAsync(string what)
    {
        await host.SubmitAsync(Form("permission-preview", what), "29:lee", inChannel: true);
        var preview = host.Connector.Sent.Last(s => s.CardTitle == "Here's how it will look");
        await host.SubmitAsync((JObject)preview.Card!["actions"]![0]!["data"]!, "29:lee", inChannel: true);
        var card = host.SentTo(Channel).Last(s => s.Card?.ToString().Contains(what, StringComparison.Ordinal) == true);
        var statement = (await Store.ListAsync(host.Activities.TenantId, Channel, 50, default)).Single(s => s.What == what);
        return (statement, card);
    }

    private static JObject Button(SentActivity card, string title) =>
        (JObject)card.Card!["actions"]!.Single(a => (string?)a["title"] == title)["data"]!;

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

        await host.SubmitAsync(new JObject
        {
            ["verb"] = "flex-record", ["decided"] = "Waived the fee", ["forWhom"] = "a family going through a hard month",
            ["reliedOn"] = $"{Channel}|{statement.Key}", ["outcome"] = "They were able to keep their account", ["share"] = "true",
        }, "29:p02", inChannel: true);

        Assert.Contains(host.SentTo(Channel), s => s.CardTitle == "A kindness story" && s.Card!.ToString().Contains("Waived the fee", StringComparison.Ordinal));
        Assert.Equal(1, (await Store.FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!.UsedCount);
    }

    [Fact]
    public async Task Someone_who_is_not_a_leader_cannot_post_or_revoke_and_the_attempt_is_logged()
    {
        var (statement, card) = await PostStatementAsync("You can give a colleague the afternoon off after a hard shift");
        var warningsBefore = NotALeaderWarnings();

        await host.SubmitAsync(Form("permission-post", "A forged statement"), "29:p03", inChannel: true);
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
        await host.SubmitAsync(new JObject
        {
            ["verb"] = "flex-record", ["decided"] = "Bought a coffee", ["forWhom"] = "a colleague",
            ["reliedOn"] = $"{Channel}|{statement.Key}", ["outcome"] = "Smiles", ["share"] = "false",
        }, "29:p04", inChannel: true);

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

    public static TheoryData<string> Verbs => ["permission-preview", "permission-post", "permission-read", "permission-used", "permission-revoke", "permission-extend", "flex-record"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task A_thousand_generated_bad_submits_per_verb_get_no_5xx_and_change_nothing(string verb)
    {
        var (statement, _) = await PostStatementAsync("Fuzz target for " + verb);
        var before = (await Store.FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!;
        var decisionsBefore = (await Store.DecisionsAsync(host.Activities.TenantId, Channel, default)).Count;
        var random = new Random(verb.GetHashCode(StringComparison.Ordinal));
        var failures = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var value = verb switch
            {
                "permission-preview" or "permission-post" => Form(verb, "Forged " + i),
                "flex-record" => new JObject { ["verb"] = verb, ["decided"] = "x", ["forWhom"] = "y", ["reliedOn"] = $"{Channel}|{statement.Key}", ["outcome"] = "z", ["share"] = "true" },
                _ => new JObject { ["verb"] = verb, ["scope"] = Channel, ["key"] = statement.Key },
            };
            var fields = value.Properties().Where(p => p.Name != "verb").Select(p => p.Name).ToList();
            var field = fields[random.Next(fields.Count)];
            value[field] = BadSubmits.Corrupt(random, () => field switch
            {
                "scope" or "reliedOn" => "19:another-team@thread.tacv2|" + statement.Key,
                "key" => "0000000000000000001-0000abcd",
                "from" or "until" => "2026-02-30",
                _ => "",
            });
            if (verb == "flex-record" && field == "share")
            {
                value["decided"] = JValue.CreateNull(); // a missing "share" alone is allowed (it means no), so break a required field too
            }

            // Submitted by a member who leads nothing, so even a well-formed leader submit must be refused.
            var response = await host.SubmitAsync(value, "29:p06", inChannel: true);
            if ((int)response.StatusCode >= 500 || (await response.Content.ReadAsStringAsync()).Contains("Exception", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{(int)response.StatusCode} {value.ToString(Newtonsoft.Json.Formatting.None)}");
            }
        }

        Assert.Empty(failures);
        var after = (await Store.FindAsync(host.Activities.TenantId, Channel, statement.Key, default))!;
        Assert.Equal((before.Revoked, before.ValidUntil, before.UsedCount), (after.Revoked, after.ValidUntil, after.UsedCount));
        Assert.Equal(decisionsBefore, (await Store.DecisionsAsync(host.Activities.TenantId, Channel, default)).Count);
        Assert.DoesNotContain(await Store.ListAsync(host.Activities.TenantId, Channel, 500, default), s => s.What.StartsWith("Forged", StringComparison.Ordinal));
    }
}
