using Azure;
using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Roles;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Leaders;

/// <summary>
/// The team host (Lee installed the bot, so Lee founded the team) on a clock the test moves, with Gus, a guest who is
/// also listed as an admin, Mallory, a member, and Olga, a member from another tenant, on the team's roster.
/// </summary>
public class LeaderHost : ClockedTeamHost
{
    public const string Guest = "29:gus";
    public const string Mallory = "29:mallory";
    public const string Outsider = "29:olga";

    public LeaderHost()
        : this(null, null)
    {
    }

    protected LeaderHost(Dictionary<string, string?>? settings, Action<IServiceCollection>? services)
        : base(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), Settings(settings), services)
    {
    }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?> { ["Leaders:Admins:1"] = Guest };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host.Connector.AddMember(TeamsActivities.TeamId, Guest, "Gus Guest", Host.Activities.TenantId, userRole: "guest");
        Host.Connector.AddMember(TeamsActivities.TeamId, Mallory, "Mallory Member", Host.Activities.TenantId);
        Host.Connector.AddMember(TeamsActivities.TeamId, Outsider, "Olga Outsider", "another-tenant");
        Time.Advance(TimeSpan.FromMinutes(3)); // past the roster cache, so the new members are seen
    }

    public static JObject Add(string person, string team = TeamsActivities.TeamId) => new() { ["verb"] = "leaders-add", ["team"] = team, ["person"] = person };

    public static JObject Remove(string person, string team = TeamsActivities.TeamId) => new() { ["verb"] = "leaders-remove", ["team"] = team, ["person"] = person };

    /// <summary>A submit in the team channel by anyone on the roster, with their name.</summary>
    public Task<HttpResponseMessage> SubmitInChannelAsync(JObject value, string userId, string name = "Someone") =>
        PostAsync(Host.Activities.ChannelSubmit(value, userId), name);

    public Task<HttpResponseMessage> ChannelAsync(string text, string userId, string name = "Someone") =>
        Host.PostAsync(Host.Activities.ChannelMessage(text, userId, name));

    public async Task<HttpResponseMessage> PostAsync(JObject activity, string name)
    {
        activity["from"]!["name"] = name;
        return await Host.PostAsync(activity);
    }

    /// <summary>Types <paramref name="text"/> in the team channel as this person; the reply card's JSON.</summary>
    public async Task<string> AskInChannelAsync(string text, string userId, string name)
    {
        var activity = Host.Activities.ChannelMessage(text, userId, name);
        await Host.PostAsync(activity);
        return ReplyTo(activity).Card!.ToString();
    }

    /// <summary>What the bot answered to an activity.</summary>
    public SentActivity ReplyTo(JObject activity) => Host.Connector.Sent.Last(s => s.ReplyToId == (string?)activity["id"]);

    /// <summary>The team's row in the leaders table, as stored.</summary>
    public async Task<TableEntity?> RowAsync()
    {
        var table = Host.Services.GetRequiredService<StorageAccount>().Table(RoleStorage.TableName);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(Host.Activities.TenantId), "team|" + TableKey.Encode(TeamsActivities.TeamId));
        return row.HasValue ? row.Value : null;
    }

    public async Task<IReadOnlyList<string>> LeaderIdsAsync() =>
        [.. ((await Host.Services.GetRequiredService<ILeaderStore>().FindAsync(Host.Activities.TenantId, TeamsActivities.TeamId, default))?.Leaders ?? []).Select(l => l.TeamsId).Order(StringComparer.Ordinal)];
}
