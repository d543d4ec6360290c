using KindnessBot.Bot.Tests.Blockers;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Recognition;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Learning;

/// <summary>
/// The blockers' world (Lee leads the Care Team, Person 12 leads Estates) with five more people in Estates, so one team
/// can reach five and the other stop at four. Everything happens over HTTP; counts are written after the turn, so
/// <see cref="CountedAsync"/> waits (with a limit) for the writer to be done.
/// </summary>
public sealed class LearningHost : BlockerHost
{
    public static readonly string[] EstatesGivers = ["29:p01", "29:p02", "29:p03", "29:p04", "29:p05"];
    public static readonly string[] CareGivers = ["29:p06", "29:p07", "29:p08", "29:p09"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host.Connector.SetMembers(Estates, TenantId, [(EstatesLeader, "Person 12"), ("29:megan", "Megan Bowen"), .. EstatesGivers.Select(id => (id, Name(id)))]);
        Host.Connector.SetMembers(TeamsActivities.TeamId, TenantId, [.. TeamHost.Team, ("29:admin", "Ada Admin")]);
        await Host.PostAsync(Host.Activities.BotAddedToPersonal("29:admin"));
        Time.Advance(TimeSpan.FromMinutes(3)); // past the roster cache
    }

    /// <summary>Waits until every measure handed over has been written (at most 20 s).</summary>
    public Task CountedAsync() =>
        Within.UntilAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(Host.Services.GetRequiredService<MeasureWriter>().Pending == 0), "Writing every measure");

    /// <summary>A recognition given in a team's channel, to be celebrated there.</summary>
    public Task GiveInChannelAsync(string giver, string recipient, string team, string what = "Stayed late to help a lost family, and made them tea.", string commitments = "Listening,Reflective")
    {
        var activity = Host.Activities.ChannelSubmit(TeamHost.Give(recipient, what, commitments, celebrateIn: team), giver);
        activity["from"]!["name"] = Name(giver);
        return Host.PostAsync(InTeam(activity, team));
    }

    /// <summary>The recipient says yes, share it with the team, to the recognition they received with these words.</summary>
    public async Task ShareAsync(string recipient, string what)
    {
        var received = await Host.Services.GetRequiredService<IRecognitionStore>().ReceivedAsync(TenantId, recipient, null, 100, default);
        await Host.SubmitAsync(new JObject { ["verb"] = "recognition-consent", ["recognition"] = received.First(r => r.Text == what).Key, ["decision"] = "share" }, recipient);
    }

    /// <summary>Types in the admin's own chat.</summary>
    public Task AdminSaysAsync(string text) => Host.PostAsync(Host.Activities.PersonalMessage(text, "29:admin", "Ada Admin"));

    /// <summary>The last card in the person's chat that says <paramref name="words"/>.</summary>
    public JObject LastSaying(string userId, string words) =>
        Chat(userId).LastOrDefault(s => s.Card?.ToString().Contains(words, StringComparison.Ordinal) == true)?.Card
        ?? throw new InvalidOperationException($"No card saying \"{words}\" in {userId}'s chat; the last: {(Chat(userId) is { Count: > 0 } chat ? chat[^1].Activity : null)}");

    /// <summary>A fact's value on a card: the first fact titled <paramref name="title"/> after the element whose text is <paramref name="after"/>.</summary>
    public static string Fact(JObject card, string title, string? after = null)
    {
        var seen = after is null;
        foreach (var element in card["body"]!)
        {
            var text = (string?)element["text"] ?? (string?)element.SelectToken("inlines[0].text");
            seen |= text == after;
            if (seen && element["facts"]?.FirstOrDefault(f => (string?)f["title"] == title) is { } fact)
            {
                return (string)fact["value"]!;
            }
        }

        throw new InvalidOperationException($"No fact \"{title}\" after \"{after}\" on the card.");
    }
}
