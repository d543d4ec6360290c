using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Conversations;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Recognition;

/// <summary>
/// A second team is on record whose roster cannot be read (its service address refuses connections, as a team left
/// over from an earlier run does): everything that reads people's teams still works for everyone else.
/// </summary>
public class UnreachableTeamTests(TeamHost host) : IClassFixture<TeamHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    private async Task AddUnreachableTeamAsync()
    {
        var stale = new ConversationRecord
        {
            TenantId = host.Activities.TenantId, ConversationId = "19:stale-team", Kind = ConversationKind.Channel, ServiceUrl = $"http://127.0.0.1:{Loopback.FreePort()}/",
            ChannelId = "msteams", BotId = TeamsActivities.BotId, TeamId = "19:stale-team", TeamName = "Old Team", InstalledBy = "29:lee",
        };
        await host.Services.GetRequiredService<IConversationStore>().SaveAsync(stale, default);
    }

    [Theory]
    [InlineData("recognise", "Recognise a colleague's kindness")]
    [InlineData("permissions", "Permissions to flex that apply to you")]
    [InlineData("i flexed", "Record a flexible decision")]
    public async Task A_team_whose_roster_cannot_be_read_is_left_out_and_the_command_still_answers(string command, string expectedTitle)
    {
        await AddUnreachableTeamAsync();

        await host.PostAsync(host.Activities.PersonalMessage(command, "29:alex"));

        var reply = host.LastIn(Chat("29:alex"))!;
        Assert.NotEqual("Sorry, something went wrong on my side", reply.CardTitle);
        Assert.Contains(expectedTitle, reply.Card!.ToString(), StringComparison.Ordinal);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("could not be read", StringComparison.Ordinal));
    }
}
