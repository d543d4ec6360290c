using System.Net;
using System.Text.Json;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Audit;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.PersonalData;

/// <summary>"my data": everything stored about the person, from every table, and nothing of anyone else, behind a link only they can use.</summary>
public class MyDataTests(PersonalDataHost fixture) : IClassFixture<PersonalDataHost>
{
    private TeamHost Bot => fixture.Host;

    private PersonalDataWorld World => new(Bot);

    private async Task<Uri> LinkAsync((string Id, string Name) person)
    {
        await World.SayAsync("my data", person);
        var card = Bot.LastIn(TeamsActivities.PersonalConversationId(person.Id))!.Card!;
        return new Uri((string)card["actions"]!.Single()["url"]!);
    }

    [Fact]
    public async Task The_file_holds_the_persons_rows_from_every_table_and_nothing_of_anyone_else()
    {
        var me = PersonalDataWorld.NewPerson("Mo");
        var other = PersonalDataWorld.NewPerson("Oli");
        var seeded = await World.SeedAsync(me, other, fixture.Time.GetUtcNow());
        var link = await LinkAsync(me);
        var response = await Bot.Client.GetAsync(link.PathAndQuery);

        // Read after the download: making the file counts against the person's daily allowance (a row the file holds),
        // and is then audited (a row written after the file was made, so not in it).
        var raw = (await World.AllRowsAsync()).Where(r => !(r.Table == "AuditLog" && r.Row.GetString("Action") == nameof(Core.Audit.AuditAction.PersonalDataExported))).ToList();
        using var file = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var exported = file.RootElement.GetProperty("sections").EnumerateObject()
            .SelectMany(s => s.Value.EnumerateArray().Select(i => (Section: s.Name, Pk: i.GetProperty("PartitionKey").GetString()!, Rk: i.GetProperty("RowKey").GetString()!, Item: i.GetRawText())))
            .ToList();
        var recognitionKeys = exported.Where(e => e.Section.StartsWith("recognitions", StringComparison.Ordinal) && e.Rk.StartsWith("r|", StringComparison.Ordinal)).Select(e => e.Rk).ToHashSet();

        // Every row that names the person is in the file; the other side's copy of a recognition between them is there as the person's own copy.
        var naming = raw.Where(r => PersonalDataWorld.Names(r.Row, me.Id)).ToList();
        var missing = naming.Where(r => !exported.Any(e => e.Pk == r.Row.PartitionKey && e.Rk == r.Row.RowKey) && !(r.Table == "Recognitions" && recognitionKeys.Contains(r.Row.RowKey))).Select(r => $"{r.Table} {r.Row.PartitionKey} {r.Row.RowKey}");
        Assert.True(!missing.Any(), string.Join("\n", missing));
        Assert.Equal(["Allowances", "AuditLog", "Conversations", "Permissions", "Recognitions", "ReflectionAnswers"], naming.Select(r => r.Table).Distinct().Order());

        // And nothing in the file is about anyone else.
        Assert.All(exported, e => Assert.True(raw.Single(r => r.Row.PartitionKey == e.Pk && r.Row.RowKey == e.Rk).Row is var row && PersonalDataWorld.Names(row, me.Id), $"{e.Section} {e.Pk} {e.Rk} does not name the person"));
        var text = file.RootElement.GetRawText();
        Assert.DoesNotContain("Unrelated kindness", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Other's named thought", text, StringComparison.Ordinal);
        Assert.Contains(seeded.NamedText, text, StringComparison.Ordinal);
        Assert.DoesNotContain(seeded.AnonymousText, text, StringComparison.Ordinal);
        Assert.Contains("cannot be linked to anyone, including by us", file.RootElement.GetProperty("anonymousReflections").GetString(), StringComparison.Ordinal);
        Assert.Contains(exported, e => e.Section == "recognitionsReceived" && e.Item.Contains("\"Status\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_file_is_an_attachment_never_cached_and_the_download_is_audited_without_content()
    {
        var me = PersonalDataWorld.NewPerson("Ash");
        var link = await LinkAsync(me);

        var response = await Bot.Client.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore, "the file must say no-store");
        var entries = await Bot.Services.GetRequiredService<IAuditLog>().ReadAsync(PersonalDataWorld.TenantId, null, 50, default);
        var entry = Assert.Single(entries.Entries, e => e.ActorId == me.Id);
        Assert.Equal((AuditAction.PersonalDataExported, me.Name, null), (entry.Action, entry.ActorName, entry.Subject));
    }

    [Fact]
    public async Task A_link_that_ran_out_gets_410_and_an_altered_or_forged_one_404_and_nothing_is_read()
    {
        var me = PersonalDataWorld.NewPerson("Kit");
        var victim = PersonalDataWorld.NewPerson("Vic");
        await World.SeedAsync(victim, me, fixture.Time.GetUtcNow());
        var link = await LinkAsync(me);
        var token = Uri.UnescapeDataString(link.Query["?t=".Length..]);
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token.Split('.')[0]));
        var forgedPayload = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(payload.Replace(me.Id, victim.Id, StringComparison.Ordinal)));
        var otherTenant = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(payload.Replace(PersonalDataWorld.TenantId, "99999999-2222-3333-4444-555555555555", StringComparison.Ordinal)));
        var before = PersonalReads();

        var refused = new[]
        {
            await Bot.Client.GetAsync("/my-data?t=" + Uri.EscapeDataString(forgedPayload + "." + token.Split('.')[1])),
            await Bot.Client.GetAsync("/my-data?t=" + Uri.EscapeDataString(otherTenant + "." + token.Split('.')[1])),
            await Bot.Client.GetAsync("/my-data?t=" + Uri.EscapeDataString(token[..^2] + "AA")),
            await Bot.Client.GetAsync("/my-data?t=forged.token"),
            await Bot.Client.GetAsync("/my-data"),
            await Bot.Client.GetAsync("/appraisal-summary?t=" + Uri.EscapeDataString(token)),
        };
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.All(refused.Take(5), r => Assert.True(r.Headers.CacheControl?.NoStore));
        Assert.Contains("not valid", await refused[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, PersonalReads());

        fixture.Time.Advance(TimeSpan.FromMinutes(16));
        var expired = await Bot.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("run out", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, PersonalReads());
    }

    /// <summary>Storage requests to the tables that hold people's data (the background work touches others).</summary>
    private int PersonalReads() => PersonalTables.Sum(Bot.Storage.CountFor);

    private static readonly string[] PersonalTables = ["Recognitions", "Permissions", "ReflectionAnswers", "AuditLog"];

    [Fact]
    public async Task My_data_in_a_team_channel_points_to_the_personal_chat_and_shows_nothing()
    {
        await Bot.PostAsync(Bot.Activities.ChannelMessage("my data", "29:alex", "Alex Wilber"));

        var reply = Bot.Connector.Sent.Last(s => s.ConversationId.StartsWith(TeamsActivities.TeamId, StringComparison.Ordinal));
        Assert.Contains("own chat", reply.Card!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("my-data?t=", reply.Activity.ToString(), StringComparison.Ordinal);
    }
}
