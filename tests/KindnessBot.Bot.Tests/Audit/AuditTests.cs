using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Bot.Tests.Reflection;
using KindnessBot.Core.Audit;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Audit;

/// <summary>Leader actions are recorded with who, what, when and where; admins read them in personal chat; nobody else can.</summary>
public class AuditTests(TeamHost host) : IClassFixture<TeamHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    private static JObject Button(SentActivity card, string title) =>
        (JObject)card.Card!["actions"]!.Single(a => (string?)a["title"] == title)["data"]!;

    [Fact]
    public async Task A_leaders_changes_are_in_the_audit_log_newest_first_and_only_admins_can_read_it()
    {
        await host.SubmitAsync(ReflectionHost.SetUp(), "29:lee", inChannel: true);
        var status = host.Connector.Sent.Last(s => s.ConversationId.StartsWith(TeamsActivities.TeamId, StringComparison.Ordinal) && s.Method == "POST");
        await host.SubmitAsync(Button(status, "Pause"), "29:lee", inChannel: true);
        await host.SubmitAsync(Button(status, "Pause"), "29:p06", inChannel: true); // refused: a member, so not recorded

        await host.PostAsync(host.Activities.PersonalMessage("audit", "29:admin", "Ada Admin"));
        var log = host.LastIn(Chat("29:admin"))!.Card!.ToString();

        Assert.Contains("Lee Lead · paused weekly reflection", log, StringComparison.Ordinal);
        Assert.Contains("Lee Lead · set up or changed weekly reflection", log, StringComparison.Ordinal);
        Assert.True(log.IndexOf("paused", StringComparison.Ordinal) < log.IndexOf("set up", StringComparison.Ordinal), "newest first");
        Assert.DoesNotContain("Person 6", log, StringComparison.Ordinal);

        await host.PostAsync(host.Activities.PersonalMessage("audit", "29:lee", "Lee Lead"));
        Assert.Contains("The audit log is for admins", host.LastIn(Chat("29:lee"))!.Card!.ToString(), StringComparison.Ordinal);

        var rows = new List<TableEntity>();
        await foreach (var row in host.Services.GetRequiredService<StorageAccount>().Table(AuditStorage.TableName).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        // Lee founded the team by installing the bot (the host's set-up), so that is the oldest entry.
        Assert.Equal([nameof(AuditAction.ReflectionPaused), nameof(AuditAction.ReflectionSetUp), nameof(AuditAction.LeaderFounded)], rows.Select(r => r.GetString("Action")));
        Assert.All(rows, r => Assert.Equal("29:lee", r.GetString("ActorId")));
    }

    [Fact]
    public async Task The_audit_log_pages_through_older_entries()
    {
        var audit = host.Services.GetRequiredService<IAuditLog>();
        var tenant = "audit-paging-" + Guid.NewGuid().ToString("N");
        var start = DateTimeOffset.UnixEpoch.AddYears(56);
        for (var i = 0; i < 25; i++)
        {
            await audit.RecordAsync(new AuditEntry(tenant, start.AddMinutes(i), "29:lee", "Lee Lead", AuditAction.StatementPosted, "19:team", $"s{i}"), default);
        }

        var first = await audit.ReadAsync(tenant, null, 10, default);
        var second = await audit.ReadAsync(tenant, first.Next, 10, default);
        var third = await audit.ReadAsync(tenant, second.Next, 10, default);

        Assert.Equal(Enumerable.Range(0, 25).Reverse().Select(i => $"s{i}"), first.Entries.Concat(second.Entries).Concat(third.Entries).Select(e => e.Subject));
        Assert.Null(third.Next);
    }
}
