using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Bot.Tests.Permissions;
using KindnessBot.Core.People;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Routing;

/// <summary>A host whose leaders may make three changes a day (<c>Limits:LeaderChangesPerDay</c>), on a clock the test moves.</summary>
public sealed class AllowanceHost() : ClockedTeamHost(DateTimeOffset.UtcNow, new() { ["Limits:LeaderChangesPerDay"] = "3", ["Limits:ExportsPerDay"] = "2" })
{
    public const int PerDay = 3;

    public const int ExportsPerDay = 2;
}

/// <summary>The daily allowance of changes for verbs that have no limit of their own, over HTTP into real tables.</summary>
public class AllowanceTests(AllowanceHost clocked) : IClassFixture<AllowanceHost>
{
    private TeamHost Host => clocked.Host;

    [Fact]
    public async Task A_leader_s_change_past_the_daily_allowance_is_refused_kindly_and_changes_nothing_until_the_next_day()
    {
        clocked.Time.Advance(TimeSpan.FromDays(1)); // a fresh day: the tests share the host
        var (statement, card) = await Host.PostStatementAsync("You can close the office early on a snow day"); // one change
        await Host.SubmitAsync(PermissionTurns.Button(card, "Extend by 30 days"), "29:lee", inChannel: true); // two
        await Host.SubmitAsync(PermissionTurns.Button(card, "Extend by 30 days"), "29:lee", inChannel: true); // three
        var extended = (await Host.Store().FindAsync(Host.Activities.TenantId, PermissionTurns.Channel, statement.Key, default))!;
        var sentBefore = Host.Connector.Sent.Count;

        await Host.SubmitAsync(PermissionTurns.Button(card, "Revoke"), "29:lee", inChannel: true);

        var refusal = Assert.Single(Host.Connector.Sent.Skip(sentBefore));
        Assert.Equal("That's a lot of changes for one day", refusal.CardTitle);
        Assert.Contains("You've made 3 changes like this today", refusal.Card!.ToString(), StringComparison.Ordinal);
        var stored = (await Host.Store().FindAsync(Host.Activities.TenantId, PermissionTurns.Channel, statement.Key, default))!;
        Assert.Equal((false, extended.ValidUntil), (stored.Revoked, stored.ValidUntil));

        clocked.Time.Advance(TimeSpan.FromDays(1));
        await Host.SubmitAsync(PermissionTurns.Button(card, "Revoke"), "29:lee", inChannel: true);

        Assert.True((await Host.Store().FindAsync(Host.Activities.TenantId, PermissionTurns.Channel, statement.Key, default))!.Revoked);
    }

    [Fact]
    public async Task Presses_that_change_nothing_of_a_leader_s_do_not_count_against_the_allowance()
    {
        clocked.Time.Advance(TimeSpan.FromDays(1)); // a fresh day: the tests share the host
        var (_, card) = await Host.PostStatementAsync("You can swap a shift without asking first");
        var sentBefore = Host.Connector.Sent.Count;
        for (var i = 0; i < AllowanceHost.PerDay + 2; i++)
        {
            await Host.SubmitAsync(PermissionTurns.Button(card, "I've read this"), "29:p07", inChannel: true);
        }

        var replies = Host.Connector.Sent.Skip(sentBefore).Select(s => s.Card?.ToString() ?? string.Empty).ToList();
        Assert.DoesNotContain(replies, r => r.Contains("That's a lot of changes for one day", StringComparison.Ordinal));
        Assert.Equal(AllowanceHost.PerDay + 2, replies.Count(r => r.Contains("Thank you for reading it.", StringComparison.Ordinal) || r.Contains("already said you've read this one", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_download_of_one_s_own_data_past_the_daily_allowance_gets_429_and_a_kind_word_and_reads_nothing()
    {
        clocked.Time.Advance(TimeSpan.FromDays(1));
        var link = Host.Services.GetRequiredService<KindnessBot.Bot.PersonalData.PersonalDataLinks>().DownloadLink(Host.Activities.TenantId, "29:p08", "Person 8");
        var statuses = new List<System.Net.HttpStatusCode>();
        for (var i = 0; i <= AllowanceHost.ExportsPerDay; i++)
        {
            using var response = await Host.Client.GetAsync(link.PathAndQuery);
            statuses.Add(response.StatusCode);
            if (i == AllowanceHost.ExportsPerDay)
            {
                Assert.Contains("You've downloaded your data 2 times today", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.TooManyRequests], statuses);
        var audit = await Host.Services.GetRequiredService<KindnessBot.Core.Audit.IAuditLog>().ReadAsync(Host.Activities.TenantId, null, 50, default);
        Assert.Equal(AllowanceHost.ExportsPerDay, audit.Entries.Count(e => e.Action == KindnessBot.Core.Audit.AuditAction.PersonalDataExported && e.ActorId == "29:p08"));
    }

    [Fact]
    public async Task Ten_changes_at_once_from_one_person_cannot_pass_the_allowance_together()
    {
        var allowance = Host.Services.GetRequiredService<IDailyAllowance>();
        var person = "29:" + Guid.NewGuid().ToString("N");

        var taken = await Within.Async(TimeSpan.FromSeconds(30), Task.WhenAll(Enumerable.Range(0, 10).Select(_ => allowance.TryTakeAsync(Host.Activities.TenantId, person, AllowanceOptions.LeaderChanges, AllowanceHost.PerDay, default))), "Ten allowance takes at once");

        Assert.Equal(AllowanceHost.PerDay, taken.Count(t => t));
        var rows = Host.Services.GetRequiredService<StorageAccount>().Table(PeopleStorage.AllowancesTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Compose(Host.Activities.TenantId, person)}"));
        Assert.Equal(AllowanceHost.PerDay, Assert.Single(await rows.ToListAsync()).GetInt32("Count"));
    }
}
