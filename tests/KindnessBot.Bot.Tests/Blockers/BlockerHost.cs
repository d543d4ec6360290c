using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Blockers;

/// <summary>
/// The team host (Lee leads the Care Team) on a clock the test moves, with a second team, Estates, that Person 12 added
/// the bot to (so leads) and Megan is in too. Every step goes over HTTP the way Teams calls the bot.
/// </summary>
public class BlockerHost : ClockedTeamHost
{
    public const string Estates = "19:team-estates@thread.tacv2";
    public const string EstatesLeader = "29:p12";

    public BlockerHost()
        : base(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public string TenantId => Host.Activities.TenantId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host.Connector.SetMembers(Estates, TenantId, (EstatesLeader, "Person 12"), ("29:megan", "Megan Bowen"));
        var added = Host.Activities.BotAddedToTeam(EstatesLeader).ToString().Replace(TeamsActivities.TeamId, Estates, StringComparison.Ordinal).Replace(TeamsActivities.TeamName, "Estates", StringComparison.Ordinal);
        await Host.PostAsync(JObject.Parse(added));
        Time.Advance(TimeSpan.FromMinutes(3)); // past the roster cache
    }

    public static string Name(string userId) => TeamHost.Team.Single(t => t.Id == userId).Name;

    /// <summary>Types a message in the person's own chat with the bot.</summary>
    public Task SayAsync(string text, string userId) => Host.PostAsync(Host.Activities.PersonalMessage(text, userId, Name(userId)));

    /// <summary>Types a message in a team channel, mentioning the bot.</summary>
    public Task SayInChannelAsync(string text, string userId, string team = TeamsActivities.TeamId) =>
        Host.PostAsync(InTeam(Host.Activities.ChannelMessage(text, userId, Name(userId)), team));

    /// <summary>The last card sent to the person's own chat whose title is <paramref name="title"/>.</summary>
    public JObject LastCardInChat(string userId, string title) =>
        Host.SentTo(TeamsActivities.PersonalConversationId(userId)).LastOrDefault(s => s.CardTitle == title)?.Card
        ?? throw new InvalidOperationException($"No card \"{title}\" in {userId}'s chat.");

    /// <summary>Everything sent to the person's own chat so far.</summary>
    public IReadOnlyList<SentActivity> Chat(string userId) => Host.SentTo(TeamsActivities.PersonalConversationId(userId));

    /// <summary>Reports a blocker the way a person does: "blocker" in personal chat, then the form filled in and sent.</summary>
    public async Task<JObject> ReportAsync(string userId, string what, bool named = false, string team = TeamsActivities.TeamId, string where = "Process", string affected = "PeopleWeServe", string? suggestion = null)
    {
        await SayAsync("blocker", userId);
        var form = LastCardInChat(userId, "Report a blocker");
        var value = (JObject)form["actions"]![0]!["data"]!.DeepClone();
        value["team"] = team;
        value["what"] = what;
        value["where"] = where;
        value["affected"] = affected;
        value["named"] = named ? "true" : "false";
        if (suggestion is not null)
        {
            value["suggestion"] = suggestion;
        }

        await Host.SubmitAsync(value, userId);
        return value;
    }

    /// <summary>A dialog invoke (task/fetch or task/submit) in a team channel, with the person's name; the invoke's answer.</summary>
    public async Task<JObject> InvokeAsync(string name, JObject data, string userId, string team = TeamsActivities.TeamId)
    {
        var activity = InTeam(Host.Activities.ChannelDialogInvoke(name, data, userId), team);
        activity["from"]!["name"] = Name(userId);
        var response = await Host.PostAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"{name} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? [] : JObject.Parse(body);
    }

    /// <summary>The team's list card as the person sees it in the channel ("@KindnessBot blockers").</summary>
    public async Task<JObject> ListInChannelAsync(string userId, string team = TeamsActivities.TeamId)
    {
        var before = Host.Connector.Sent.Count;
        await SayInChannelAsync("blockers", userId, team);
        return Host.Connector.Sent.Skip(before).Last(s => s.CardTitle == "What gets in our way").Card!;
    }

    /// <summary>The open item on a list card whose text starts with <paramref name="what"/>: its button's data.</summary>
    public static JObject ButtonOf(JObject list, string what) =>
        (JObject)list.SelectTokens("$.body[?(@.type == 'Container')]")
            .First(c => ((string?)c.SelectToken("items[0].inlines[0].text"))?.StartsWith(what, StringComparison.Ordinal) == true)
            .SelectToken("items[2].actions[0].data")!.DeepClone();

    /// <summary>A leader presses Respond on the list in the channel, then a button of the form, with these inputs (the dialog's task/submit).</summary>
    public async Task<JObject> RespondAsync(string leader, string what, string button, JObject inputs, string team = TeamsActivities.TeamId)
    {
        var list = await ListInChannelAsync(leader, team);
        var opened = await InvokeAsync("task/fetch", ButtonOf(list, what), leader, team);
        var form = (JObject)opened["task"]!["value"]!["card"]!["content"]!;
        var data = (JObject)form.SelectTokens("$..actions[*]").First(a => (string?)a["title"] == button)["data"]!.DeepClone();
        data.Merge(inputs);
        return await InvokeAsync("task/submit", data, leader, team);
    }

    public async Task<Blocker> FindAsync(string what)
    {
        var rows = await RowsAsync();
        var row = rows.Single(r => r.GetString("Kind") == "blocker" && r.GetString("What") == what);
        return (await Host.Services.GetRequiredService<BlockerStore>().FindAsync(TenantId, row.RowKey, default))!;
    }

    /// <summary>Every row of the Blockers table.</summary>
    public async Task<List<TableEntity>> RowsAsync() =>
        await Host.Services.GetRequiredService<BlockerStorage>().Blockers.QueryAsync<TableEntity>().ToListAsync();

    /// <summary>Every row of every table and every message of every queue the host declares, as text.</summary>
    public async Task<string> EverythingStoredAsync()
    {
        var account = Host.Services.GetRequiredService<StorageAccount>();
        var all = new List<string>();
        foreach (var declared in Host.Services.GetServices<StorageDeclaration>())
        {
            if (declared.Kind == StorageKind.Table)
            {
                await foreach (var row in account.Table(declared.Name).QueryAsync<TableEntity>())
                {
                    all.Add($"{declared.Name} {row.PartitionKey} {row.RowKey} {string.Join(' ', row.Select(p => $"{p.Key}={p.Value}"))}");
                }
            }
            else
            {
                all.AddRange((await account.Queue(declared.Name).PeekMessagesAsync(32)).Value.Select(m => $"{declared.Name} {m.MessageText}"));
            }
        }

        return string.Join('\n', all);
    }

    internal static JObject InTeam(JObject activity, string team) =>
        team == TeamsActivities.TeamId ? activity : JObject.Parse(activity.ToString().Replace(TeamsActivities.TeamId, team, StringComparison.Ordinal).Replace(TeamsActivities.TeamName, "Estates", StringComparison.Ordinal));
}
