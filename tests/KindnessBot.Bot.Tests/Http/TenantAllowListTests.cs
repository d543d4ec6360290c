using System.Net;
using System.Reflection;
using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Http;

/// <summary>A deployment that serves one organisation (tenant A), and activities from another (tenant B).</summary>
public sealed class OneTenantHost() : BotHost(new() { ["Tenants:Allowed:0"] = "11111111-2222-3333-4444-555555555555", ["Reflection:Background"] = "false" });

/// <summary>Tenant B's activities are refused at the door, whatever they name: nothing is read, stored or sent.</summary>
public class TenantAllowListTests(OneTenantHost host) : IClassFixture<OneTenantHost>
{
    private const string OtherTenant = "99999999-8888-7777-6666-555555555555";

    /// <summary>Every verb any card of any feature carries, found from the verb classes.</summary>
    public static TheoryData<string> EveryVerb()
    {
        var data = new TheoryData<string>();
        foreach (var verb in typeof(global::KindnessBot.Bot.Routing.Verbs).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Verbs", StringComparison.Ordinal))
                     .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)))
        {
            data.Add(verb);
        }

        return data;
    }

    [Fact]
    public async Task The_served_tenant_is_answered()
    {
        var response = await host.PostAsync(host.Activities.PersonalMessage("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Connector.Sent, s => s.CardTitle == "Here's what I can do");
    }

    [Fact]
    public async Task Installing_and_messaging_from_another_tenant_is_refused_and_nothing_is_stored_or_sent()
    {
        var other = new TeamsActivities(host.Connector.ServiceUrl, OtherTenant);
        var sentBefore = host.Connector.Sent.Count;

        foreach (var activity in new[] { other.BotAddedToTeam("29:eve"), other.BotAddedToPersonal("29:eve"), other.PersonalMessage("help", "29:eve"), other.ChannelMessage("recognise", "29:eve") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(activity)).StatusCode);
        }

        Assert.Equal(sentBefore, host.Connector.Sent.Count);
        Assert.Empty(await RowsOfAsync(OtherTenant));
    }

    [Theory]
    [MemberData(nameof(EveryVerb))]
    public async Task Every_verb_submitted_from_another_tenant_at_this_tenants_ids_is_refused_and_changes_nothing(string verb)
    {
        var other = new TeamsActivities(host.Connector.ServiceUrl, OtherTenant);
        var value = new JObject
        {
            ["verb"] = verb, ["key"] = "0000000000000000001-0000abcd", ["scope"] = TeamsActivities.TeamId, ["team"] = TeamsActivities.TeamId,
            ["week"] = "2026-W49", ["decision"] = "share", ["recipient"] = "29:alex", ["cardId"] = Guid.NewGuid().ToString("N"), ["what"] = "x", ["commitments"] = "Listening",
        };
        var sentBefore = host.Connector.Sent.Count;
        var rowsBefore = await RowsOfAsync(host.Activities.TenantId);

        var personal = await host.PostAsync(other.PersonalSubmit(value, "29:eve"));
        var channel = await host.PostAsync(other.ChannelSubmit(value, "29:eve"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (personal.StatusCode, channel.StatusCode));
        Assert.Equal(sentBefore, host.Connector.Sent.Count);
        Assert.Equal(rowsBefore, await RowsOfAsync(host.Activities.TenantId));
        Assert.Empty(await RowsOfAsync(OtherTenant));
    }

    /// <summary>Every row of every declared table whose partition belongs to the tenant, as "table/partition/row@etag".</summary>
    private async Task<List<string>> RowsOfAsync(string tenantId)
    {
        var account = host.Services.GetRequiredService<StorageAccount>();
        var rows = new List<string>();
        foreach (var table in host.Services.GetServices<StorageDeclaration>().Where(d => d.Kind == StorageKind.Table))
        {
            await foreach (var row in account.Table(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                if (row.PartitionKey.StartsWith(TableKey.Encode(tenantId), StringComparison.Ordinal))
                {
                    rows.Add($"{table.Name}/{row.PartitionKey}/{row.RowKey}@{row.ETag}");
                }
            }
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }
}
