using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Permissions;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Delivery;

/// <summary>"my settings" over HTTP: the card in personal chat, what saving it stores, and a pointer to personal chat elsewhere.</summary>
public class MySettingsTests(TeamHost host) : IClassFixture<TeamHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    private static JObject? Input(JObject card, string id) => card.SelectTokens("$..*").OfType<JObject>().FirstOrDefault(o => (string?)o["id"] == id);

    private async Task<List<TableEntity>> SettingsRowsAsync(string personId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in host.Services.GetRequiredService<DeliveryStorage>().Settings.QueryAsync<TableEntity>())
        {
            if (row.RowKey == Core.Storage.TableKey.Encode(personId))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    [Theory]
    [InlineData("my settings")]
    [InlineData("quiet hours")]
    [InlineData("pause nudges")]
    public async Task My_settings_in_personal_chat_shows_quiet_hours_18_00_to_08_30_in_the_persons_zone_weekends_pause_choices_and_the_opt_outs(string command)
    {
        await host.PostAsync(host.Activities.PersonalMessage(command, "29:p01", "Person 1"));

        var card = host.LastIn(Chat("29:p01"))!.Card!;
        Assert.Equal("Your settings", (string?)card["body"]![0]!["text"]);
        Assert.Contains("(Europe/London)", card.ToString(), StringComparison.Ordinal);
        Assert.Equal("18:00", (string?)Input(card, "quietFrom")!["value"]);
        Assert.Equal("08:30", (string?)Input(card, "quietUntil")!["value"]);
        Assert.Equal("true", (string?)Input(card, "weekendsQuiet")!["value"]);
        var pause = Input(card, "pauseWeeks")!;
        Assert.Equal(["0", "1", "2", "4"], pause["choices"]!.Select(c => (string?)c["value"]));
        Assert.Equal("0", (string?)pause["value"]);
        foreach (var kind in new[] { "permissions.reminder", "recognition.outcome", "reflection.summary" })
        {
            Assert.Equal("true", (string?)Input(card, "optout." + kind)?["value"]);
        }

        Assert.Empty(await SettingsRowsAsync("29:p01"));
    }

    [Fact]
    public async Task Saving_quiet_20_00_to_07_00_weekends_off_a_two_week_pause_and_reminders_off_stores_exactly_that_and_says_it_was_saved()
    {
        var before = DateTimeOffset.UtcNow;
        await host.SubmitAsync(new JObject
        {
            ["verb"] = "settings-save", ["quietFrom"] = "20:00", ["quietUntil"] = "07:00", ["weekendsQuiet"] = "false", ["pauseWeeks"] = "2",
            ["optout.permissions.reminder"] = "false", ["optout.recognition.outcome"] = "true", ["optout.reflection.summary"] = "true",
        }, "29:p02");

        var row = Assert.Single(await SettingsRowsAsync("29:p02"));
        Assert.Equal("20:00", row.GetString("QuietFrom"));
        Assert.Equal("07:00", row.GetString("QuietUntil"));
        Assert.False(row.GetBoolean("WeekendsQuiet"));
        Assert.Equal(PermissionDelivery.Reminder, row.GetString("OptedOut"));
        var paused = row.GetDateTimeOffset("PausedUntil")!.Value;
        Assert.InRange(paused, before.AddDays(14), DateTimeOffset.UtcNow.AddDays(14));
        var card = host.LastIn(Chat("29:p02"))!.Card!;
        Assert.Contains("Saved. Thank you for telling me what works for you.", card.ToString(), StringComparison.Ordinal);
        Assert.Equal("20:00", (string?)Input(card, "quietFrom")!["value"]);
        Assert.Equal("false", (string?)Input(card, "optout.permissions.reminder")!["value"]);
        Assert.Equal("-1", (string?)Input(card, "pauseWeeks")!["value"]); // the pause is kept unless they change it
    }

    [Fact]
    public async Task A_card_sent_before_a_kind_of_nudge_existed_saves_and_keeps_what_was_chosen_for_that_kind()
    {
        static JObject Card() => new()
        {
            ["verb"] = "settings-save", ["quietFrom"] = "21:00", ["quietUntil"] = "07:00", ["weekendsQuiet"] = "true", ["pauseWeeks"] = "0",
            ["optout.permissions.reminder"] = "true", ["optout.recognition.outcome"] = "true", ["optout.reflection.summary"] = "true",
        };
        var today = Card();
        today["optout.blocker-status"] = "false";
        await host.SubmitAsync(today, "29:p04");

        var older = Card();
        older["quietFrom"] = "22:00";
        older["optout.reflection.summary"] = "false";
        await host.SubmitAsync(older, "29:p04");

        var row = Assert.Single(await SettingsRowsAsync("29:p04"));
        Assert.Equal("22:00", row.GetString("QuietFrom"));
        Assert.Equal("blocker-status,reflection.summary", row.GetString("OptedOut"));
        Assert.Equal("false", (string?)Input(host.LastIn(Chat("29:p04"))!.Card!, "optout.blocker-status")!["value"]);
    }

    [Fact]
    public async Task My_settings_in_a_channel_points_to_personal_chat_and_saving_there_stores_nothing()
    {
        await host.PostAsync(host.Activities.ChannelMessage("my settings", "29:p03", "Person 3"));

        var reply = host.LastIn(TeamsActivities.TeamId + ";messageid=1700000000000")!;
        Assert.Contains("in our personal chat", reply.Card!.ToString(), StringComparison.Ordinal);
        Assert.Null(Input(reply.Card, "quietFrom"));

        await host.SubmitAsync(new JObject
        {
            ["verb"] = "settings-save", ["quietFrom"] = "20:00", ["quietUntil"] = "07:00", ["weekendsQuiet"] = "false", ["pauseWeeks"] = "2",
            ["optout.permissions.reminder"] = "false", ["optout.recognition.outcome"] = "true", ["optout.reflection.summary"] = "true",
        }, "29:p03", inChannel: true);

        Assert.Empty(await SettingsRowsAsync("29:p03"));
    }
}
