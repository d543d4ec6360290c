using System.Text;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>The flex log and the permissions list over HTTP: long ones come a page at a time, each inside Teams' 28 KB, with "Show more".</summary>
public class PermissionPagingTests(TeamHost host) : IClassFixture<TeamHost>
{
    private const string Channel = PermissionTurns.Channel;
    private const int TeamsLimitBytes = 28_000;

    [Fact]
    public async Task The_flex_log_comes_a_page_at_a_time_inside_Teams_limit_and_Show_more_reaches_every_statement()
    {
        var whats = await SeedAsync("log", "29:p03");

        await host.PostAsync(host.Activities.PersonalMessage("flex log", "29:lee"));
        var pages = await ReadPagesAsync("29:lee");

        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.All(pages, p => Assert.Equal("How your permissions are being used", (string?)p["body"]![0]!["text"]));
        Assert.All(pages, p => Assert.True(Bytes(p) < TeamsLimitBytes, $"{Bytes(p)} bytes"));
        Assert.All(whats, what => Assert.Single(pages, p => p.ToString().Contains(what, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_permissions_list_comes_a_page_at_a_time_inside_Teams_limit_and_Show_more_reaches_every_statement_and_decision()
    {
        var whats = await SeedAsync("list", "29:p04");

        await host.PostAsync(host.Activities.PersonalMessage("permissions", "29:p04"));
        var pages = await ReadPagesAsync("29:p04");

        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.All(pages, p => Assert.True(Bytes(p) < TeamsLimitBytes, $"{Bytes(p)} bytes"));
        Assert.All(whats, what => Assert.Single(pages, p => p.ToString().Contains(what, StringComparison.Ordinal)));
        var all = string.Concat(pages.Select(p => p.ToString()));
        Assert.Equal(whats.Count * 3, Enumerable.Range(0, whats.Count * 3).Count(i => all.Contains($"list decision {i:D2} ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Show_more_on_the_flex_log_is_refused_kindly_to_someone_who_does_not_lead_there_and_logged()
    {
        var warnings = host.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("(flex-log-page)", StringComparison.Ordinal));

        await host.SubmitAsync(new JObject { ["verb"] = "flex-log-page", ["scope"] = Channel, ["page"] = 1 }, "29:p05");

        Assert.Contains("Only a leader", host.LastIn(PermissionTurns.Chat("29:p05"))!.Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(warnings + 1, host.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("(flex-log-page)", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Lee posts twenty statements of about 450 characters; <paramref name="person"/> records three shared decisions of
    /// 500 characters on each (straight into the store: the daily limit is not what this is about). Returns the statements' words.
    /// </summary>
    private async Task<List<string>> SeedAsync(string label, string person)
    {
        var whats = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var what = $"{label} statement {i:D2}: " + Words(430);
            await host.SubmitAsync(PermissionTurns.Form("permission-post", what), "29:lee", inChannel: true);
            whats.Add(what);
        }

        // Each is posted by the delivery path; only a posted statement is listed.
        await host.UntilDeliveredAsync(async () => (await host.Store().ListAsync(host.Activities.TenantId, Channel, 500, default)).Count(s => s.What.StartsWith(label + " statement", StringComparison.Ordinal) && s.ActivityId is not null) == 20, "All twenty statements posted");
        var statements = (await host.Store().ListAsync(host.Activities.TenantId, Channel, 500, default)).Where(s => s.What.StartsWith(label + " statement", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, statements.Count);
        var n = 0;
        foreach (var statement in statements)
        {
            for (var j = 0; j < 3; j++)
            {
                var decision = new FlexDecision
                {
                    TenantId = host.Activities.TenantId, ScopeId = Channel, Key = RecordKey.New(DateTimeOffset.UtcNow), PersonId = person, PersonName = "Person",
                    Decided = $"{label} decision {n++:D2} " + Words(480), ForWhom = "a customer", StatementKey = statement.Key, Outcome = Words(480), ShareAsStory = true, MadeAt = DateTimeOffset.UtcNow,
                };
                await host.Store().AddDecisionAsync(decision, PermissionTurns.NewCardId(), 1000, default);
            }
        }

        return whats;
    }

    /// <summary>The card last sent to the person, then each page "Show more" brings, until the last (at most 20).</summary>
    private async Task<List<JObject>> ReadPagesAsync(string userId)
    {
        var pages = new List<JObject> { host.LastIn(PermissionTurns.Chat(userId))!.Card! };
        while (pages[^1]["actions"]?.SingleOrDefault(a => (string?)a["title"] == "Show more") is { } more && pages.Count < 20)
        {
            await host.SubmitAsync((JObject)more["data"]!, userId);
            pages.Add(host.LastIn(PermissionTurns.Chat(userId))!.Card!);
        }

        return pages;
    }

    private static int Bytes(JObject card) => Encoding.UTF8.GetByteCount(card.ToString(Newtonsoft.Json.Formatting.None));

    private static string Words(int length) => string.Concat(Enumerable.Repeat("kindly done ", (length / 12) + 1))[..length];
}
