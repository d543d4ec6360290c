using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Audit;
using KindnessBot.Core.Recognition;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.PersonalData;

/// <summary>"delete my data", checked against the raw tables: what goes, what stays without the person, and who can never be erased by a card.</summary>
public class DeleteMyDataTests(PersonalDataHost fixture) : IClassFixture<PersonalDataHost>
{

    private TeamHost Bot => fixture.Host;

    private PersonalDataWorld World => new(Bot);

    private SentActivity LastReply((string Id, string Name) person) => Bot.LastIn(TeamsActivities.PersonalConversationId(person.Id))!;

    /// <summary>The *Yes, delete my data* button's data from a fresh confirmation card.</summary>
    private async Task<JObject> YesAsync((string Id, string Name) person)
    {
        await World.SayAsync("delete my data", person);
        var card = LastReply(person).Card!;
        Assert.Contains("Recognitions you gave stay with the people who received them, without your name.", card.ToString(), StringComparison.Ordinal);
        Assert.Contains("Anonymous reflections cannot be found, so they stay, unlinked.", card.ToString(), StringComparison.Ordinal);
        return (JObject)card["actions"]!.Single(a => (string?)a["title"] == "Yes, delete my data")["data"]!.DeepClone();
    }


    private async Task<TableEntity> RowAsync(string table, Func<TableEntity, bool> match) =>
        (await World.AllRowsAsync()).Single(r => r.Table == table && match(r.Row)).Row;

    [Fact]
    public async Task Yes_erases_what_they_received_recorded_and_signed_and_leaves_their_given_kindness_with_its_recipient_without_them()
    {
        var me = PersonalDataWorld.NewPerson("Mel");
        var other = PersonalDataWorld.NewPerson("Ola");
        var seeded = await World.SeedAsync(me, other, fixture.Time.GetUtcNow());
        var anonymousRow = await RowAsync("ReflectionAnswers", r => r.GetString("Text") == seeded.AnonymousText);

        await World.PressAsync(await YesAsync(me), me);

        Assert.Contains("I erased", LastReply(me).Card!.ToString(), StringComparison.Ordinal);
        var rows = await World.AllRowsAsync();
        var naming = rows.Where(r => PersonalDataWorld.Names(r.Row, me.Id) || r.Row.Any(p => p.Value is string s && s.Contains(me.Name + " ", StringComparison.Ordinal) || Equals(p.Value, me.Name))).ToList();
        Assert.Equal(["AuditLog", "Conversations"], naming.Select(r => r.Table).Distinct().Order());

        // What they gave stays with its recipient and in the team, words intact, with nobody named as giver.
        foreach (var kept in rows.Where(r => r.Table == "Recognitions" && r.Row.RowKey == "r|" + seeded.GivenKey).Select(r => r.Row).ToList() is { Count: 2 } copies ? copies : throw new Xunit.Sdk.XunitException("expected the recipient's and the team's copy"))
        {
            Assert.Equal("Covered my shift when my child was ill.", kept.GetString("Text"));
            Assert.Equal(("", "A colleague", other.Id), (kept.GetString("GiverId"), kept.GetString("GiverName"), kept.GetString("RecipientId")));
            Assert.DoesNotContain(kept, p => p.Value is string s && (s.Contains(me.Id, StringComparison.Ordinal) || s.Contains(me.Name, StringComparison.Ordinal)));
        }

        // What they received is gone; the giver keeps their own copy, without the recipient.
        var giversCopy = Assert.Single(rows, r => r.Table == "Recognitions" && r.Row.RowKey == "r|" + seeded.ReceivedKey).Row;
        Assert.Equal(("", "A colleague", other.Id), (giversCopy.GetString("RecipientId"), giversCopy.GetString("RecipientName"), giversCopy.GetString("GiverId")));

        // The other person's data is all still there.
        Assert.Contains(rows, r => r.Table == "ReflectionAnswers" && r.Row.GetString("UserId") == other.Id);
        Assert.Contains(rows, r => r.Table == "Permissions" && r.Row.RowKey.StartsWith("d|", StringComparison.Ordinal) && r.Row.GetString("PersonId") == other.Id);
        Assert.Contains(rows, r => r.Table == "Permissions" && r.Row.RowKey.EndsWith("|" + other.Id, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Table == "Recognitions" && r.Row.GetString("Text") == "Unrelated kindness.");

        // The anonymous answer is untouched, and no row anywhere links it to the person.
        var anonymousNow = Assert.Single(rows, r => r.Table == "ReflectionAnswers" && r.Row.GetString("Text") == seeded.AnonymousText).Row;
        Assert.Equal((anonymousRow.RowKey, anonymousRow.ETag), (anonymousNow.RowKey, anonymousNow.ETag));
        var answerKey = anonymousRow.RowKey.Split('|')[^1];
        Assert.DoesNotContain(rows, r => r.Row.Any(p => p.Value is string s && s.Contains(answerKey, StringComparison.Ordinal)) && PersonalDataWorld.Names(r.Row, me.Id));
        Assert.DoesNotContain(rows, r => r.Table != "ReflectionAnswers" && r.Row.Any(p => p.Value is string s && (s.Contains(answerKey, StringComparison.Ordinal) || s.Contains(seeded.AnonymousText, StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Yes_again_a_double_click_or_a_replay_erases_nothing_more_says_so_calmly_and_is_audited_once()
    {
        var me = PersonalDataWorld.NewPerson("Rae");
        await World.SeedAsync(me, PersonalDataWorld.NewPerson("Bo"), fixture.Time.GetUtcNow());
        var yes = await YesAsync(me);

        await Task.WhenAll(World.PressAsync(yes, me), World.PressAsync(yes, me));
        var after = await World.SnapshotAsync();
        await World.PressAsync(yes, me);

        Assert.Contains("nothing left to delete", LastReply(me).Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(after, await World.SnapshotAsync());
        var entries = (await Bot.Services.GetRequiredService<IAuditLog>().ReadAsync(PersonalDataWorld.TenantId, null, 100, default)).Entries.Where(e => e.ActorId == me.Id).ToList();
        Assert.Contains(entries, e => e.Action == AuditAction.PersonalDataErased && e.Subject is null);
        Assert.True(entries.Count(e => e.Action == AuditAction.PersonalDataErased) <= 2, "a double click may race, a replay is never recorded again");
    }

    [Fact]
    public async Task Someone_elses_confirmation_or_forged_ids_in_the_submit_never_erase_anyone_else()
    {
        var attacker = PersonalDataWorld.NewPerson("Max");
        var victim = PersonalDataWorld.NewPerson("Val");
        await World.SeedAsync(victim, PersonalDataWorld.NewPerson("Ed"), fixture.Time.GetUtcNow());
        var victimsYes = await YesAsync(victim);
        var before = await World.SnapshotAsync();

        await World.PressAsync(victimsYes, attacker);
        Assert.Contains("couldn", LastReply(attacker).Card!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await World.SnapshotAsync());

        var own = await YesAsync(attacker);
        own["userId"] = victim.Id;
        own["person"] = victim.Id;
        own["tenantId"] = "99999999-2222-3333-4444-555555555555";
        await World.PressAsync(own, attacker);

        Assert.Contains("nothing left to delete", LastReply(attacker).Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await World.SnapshotAsync());
    }

    [Fact]
    public async Task A_confirmation_that_has_closed_or_Keep_my_data_changes_nothing()
    {
        var me = PersonalDataWorld.NewPerson("Sol");
        await World.SeedAsync(me, PersonalDataWorld.NewPerson("Lu"), fixture.Time.GetUtcNow());
        var yes = await YesAsync(me);
        var before = await World.SnapshotAsync();

        await World.PressAsync(new JObject { ["verb"] = "data-keep" }, me);
        Assert.Contains("Your data stays just as it was", LastReply(me).Card!.ToString(), StringComparison.Ordinal);
        fixture.Time.Advance(TimeSpan.FromMinutes(16));
        await World.PressAsync(yes, me);

        Assert.Contains("That question has closed", LastReply(me).Card!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await World.SnapshotAsync());
    }

    [Fact]
    public async Task A_recipient_can_still_decide_on_kindness_whose_giver_erased_their_data()
    {
        var giver = PersonalDataWorld.NewPerson("Gil");
        var recipient = PersonalDataWorld.NewPerson("Ria");
        var waiting = PersonalDataWorld.Recognition(giver, recipient, fixture.Time.GetUtcNow(), "Brought soup.");
        await Bot.Services.GetRequiredService<IRecognitionStore>().AddAsync(waiting, Guid.NewGuid().ToString("N"), 10, default);
        await World.PressAsync(await YesAsync(giver), giver);

        var (outcome, decided) = await Bot.Services.GetRequiredService<RecognitionService>().DecideAsync(PersonalDataWorld.TenantId, recipient.Id, waiting.Key, share: false, default);

        Assert.Equal(DecideOutcome.Decided, outcome);
        Assert.Equal(("", "A colleague", "Brought soup."), (decided!.GiverId, decided.GiverName, decided.Text));
        Assert.DoesNotContain(await World.AllRowsAsync(), r => r.Table == "Recognitions" && PersonalDataWorld.Names(r.Row, giver.Id));
    }
}
