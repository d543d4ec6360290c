using Azure.Data.Tables;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Audit;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Recognition;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Storage;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using RecognitionRecord = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Bot.Tests.PersonalData;

/// <summary>
/// Two people with data in every table, written through the features' own stores: a recognition each way (one shared
/// with the team), one between others, a decision each, a statement the other posted and this person read, a named and
/// an anonymous answer each, an audit entry each. Ids are new per test, so tests sharing a host never see each other.
/// </summary>
internal sealed class PersonalDataWorld(BotHost host)
{
    public const string Team = TeamsActivities.TeamId;

    /// <summary>The tenant of every activity the test hosts send (TeamsActivities' default).</summary>
    public const string TenantId = "11111111-2222-3333-4444-555555555555";

    private static readonly string[] DataTables = ["Recognitions", "Permissions", "ReflectionAnswers"];

    public string Tenant => host.Activities.TenantId;

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public static (string Id, string Name) NewPerson(string name) => ($"29:{name.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24], name);

    /// <summary>What was written for <paramref name="me"/>, to look for afterwards.</summary>
    internal sealed record Seeded(string GivenKey, string ReceivedKey, string AnonymousText, string NamedText, string StatementKey);

    public async Task<Seeded> SeedAsync((string Id, string Name) me, (string Id, string Name) other, DateTimeOffset at)
    {
        var recognitions = Get<IRecognitionStore>();
        var given = Recognition(me, other, at, "Covered my shift when my child was ill.");
        await recognitions.AddAsync(given, Guid.NewGuid().ToString("N"), 100, default);
        await recognitions.TryDecideAsync(given with { Status = ConsentStatus.Shared, DecidedAt = at }, default);
        await recognitions.AddToTeamAsync(given with { Status = ConsentStatus.Shared }, Team, default);
        var received = Recognition(other, me, at.AddMinutes(1), "Listened properly on a hard day.");
        await recognitions.AddAsync(received, Guid.NewGuid().ToString("N"), 100, default);
        var third = NewPerson("Third");
        await recognitions.AddAsync(Recognition(other, third, at.AddMinutes(2), "Unrelated kindness."), Guid.NewGuid().ToString("N"), 100, default);

        var permissions = Get<IPermissionStore>();
        var statement = await permissions.AddAsync(Statement(other, at), Guid.NewGuid().ToString("N"), default);
        await permissions.TryMarkAsync(statement, "read", me.Id, default);
        await permissions.TryMarkAsync(statement, "read", other.Id, default);
        await permissions.AddDecisionAsync(Decision(me, statement.Key, at), Guid.NewGuid().ToString("N"), 100, default);
        await permissions.AddDecisionAsync(Decision(other, null, at), Guid.NewGuid().ToString("N"), 100, default);

        var answers = Get<AnswerStore>();
        var week = "2026-W" + Random.Shared.Next(10, 52);
        var anonymous = "Anonymous thought " + Guid.NewGuid().ToString("N");
        var named = "Named thought " + Guid.NewGuid().ToString("N");
        await answers.SaveAsync(Tenant, new PromptId(Team, week), me.Id, me.Name, named, 4, anonymous: false, at, 10, default);
        await answers.SaveAsync(Tenant, new PromptId(Team, week + "b"), me.Id, me.Name, anonymous, 2, anonymous: true, at, 10, default);
        await answers.SaveAsync(Tenant, new PromptId(Team, week), other.Id, other.Name, "Other's named thought", 5, anonymous: false, at, 10, default);

        var audit = Get<IAuditLog>();
        await audit.RecordAsync(new AuditEntry(Tenant, at, me.Id, me.Name, AuditAction.ReflectionPaused, Team), default);
        await audit.RecordAsync(new AuditEntry(Tenant, at, other.Id, other.Name, AuditAction.StatementPosted, Team, statement.Key), default);
        return new Seeded(given.Key, received.Key, anonymous, named, statement.Key);
    }

    public static RecognitionRecord Recognition((string Id, string Name) giver, (string Id, string Name) recipient, DateTimeOffset at, string text) => new()
    {
        TenantId = TenantId,
        Key = RecordKey.New(at),
        GiverId = giver.Id,
        GiverName = giver.Name,
        RecipientId = recipient.Id,
        RecipientName = recipient.Name,
        Text = text,
        Commitments = [Commitment.Listening],
        GiverHopesToShare = true,
        CelebrateInConversationId = Team,
        CelebrateInTeamName = TeamsActivities.TeamName,
        Status = ConsentStatus.AwaitingConsent,
        Delivery = Core.Recognition.ChatAtGiving.Delivered,
        GivenAt = at,
    };

    public static PermissionStatement Statement((string Id, string Name) leader, DateTimeOffset at) => new()
    {
        TenantId = TenantId,
        ScopeId = Team,
        ConversationId = Team,
        Key = RecordKey.New(at),
        LeaderId = leader.Id,
        LeaderName = leader.Name,
        What = "Take the time a family needs.",
        Boundaries = "Tell the shift lead.",
        Commitments = [Commitment.Permissive],
        ValidFrom = DateOnly.FromDateTime(at.UtcDateTime),
        ValidUntil = DateOnly.FromDateTime(at.UtcDateTime).AddDays(30),
        PostedAt = at,
    };

    public static FlexDecision Decision((string Id, string Name) person, string? statementKey, DateTimeOffset at) => new()
    {
        TenantId = TenantId,
        ScopeId = Team,
        Key = RecordKey.New(at),
        PersonId = person.Id,
        PersonName = person.Name,
        Decided = "Stayed with a worried visitor.",
        ForWhom = "a visitor",
        StatementKey = statementKey,
        Outcome = "They felt heard.",
        MadeAt = at,
    };

    /// <summary>Every row of every table the host declares, as stored.</summary>
    public async Task<List<(string Table, TableEntity Row)>> AllRowsAsync()
    {
        var account = Get<StorageAccount>();
        var rows = new List<(string, TableEntity)>();
        foreach (var table in host.Services.GetServices<StorageDeclaration>().Where(d => d.Kind == StorageKind.Table))
        {
            await foreach (var row in account.Table(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add((table.Name, row));
            }
        }

        return rows;
    }

    /// <summary>Every row of the tables that hold people's data, with its ETag: equal snapshots mean nothing changed.</summary>
    public async Task<List<string>> SnapshotAsync() =>
        [.. (await AllRowsAsync()).Where(r => DataTables.Contains(r.Table)).Select(r => $"{r.Table} {r.Row.PartitionKey} {r.Row.RowKey} {r.Row.ETag}").Order(StringComparer.Ordinal)];

    /// <summary>True when the row names the person: in its keys, or as the whole value of any property.</summary>
    public static bool Names(TableEntity row, string personId) =>
        row.PartitionKey.Contains(TableKey.Encode(personId), StringComparison.Ordinal)
        || row.RowKey.Contains(TableKey.Encode(personId), StringComparison.Ordinal)
        || row.Select(p => p.Value).OfType<string>().Any(v => v == personId);

    /// <summary>A message from the person in their own chat with the bot, with their name.</summary>
    public async Task SayAsync(string text, (string Id, string Name) person) =>
        await host.PostAsync(host.Activities.PersonalMessage(text, person.Id, person.Name));

    public async Task<HttpResponseMessage> PressAsync(JObject value, (string Id, string Name) person)
    {
        var activity = host.Activities.PersonalSubmit(value, person.Id);
        activity["from"]!["name"] = person.Name;
        return await host.PostAsync(activity);
    }
}
