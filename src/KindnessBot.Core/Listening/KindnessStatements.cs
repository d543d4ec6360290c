using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Audit;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Roles;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Listening;

/// <summary>
/// What kindness means here (the Understanding commitment): a team's own short statement, written by its leaders from
/// what the team said. Every version is kept (the story of change reads it); members say "this rings true" (once per
/// person and version, counted by keyed tags, shown only from five) or suggest a change (always anonymous), which the
/// leaders see when they next write it.
/// </summary>
public sealed class KindnessStatements(ListeningStorage storage, PrivacyKeys keys, IAuthorisation authorisation, TimeProvider time, IAuditLog? audit = null)
{
    public const int MaxLength = 500;
    public const int MaxSuggestion = 500;
    private const string Now = "now";
    private const int Attempts = 5;
    private readonly TableClient _table = storage.Table;

    public async Task<KindnessStatement?> CurrentAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(ListeningKeys.StatementPartition(tenantId, teamId), Now, cancellationToken: cancellationToken);
        return found.HasValue ? Read(found.Value!) : null;
    }

    /// <summary>Every version, newest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<KindnessStatement>> HistoryAsync(string tenantId, string teamId, int max, CancellationToken cancellationToken)
    {
        var versions = new List<KindnessStatement>();
        await foreach (var row in _table.QueryAsync<TableEntity>(Range(tenantId, teamId, "v|"), maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            versions.Add(Read(row));
            if (versions.Count >= max)
            {
                break;
            }
        }

        return versions;
    }

    public async Task<StatementOutcome> WriteAsync(ConversationRecord scope, Person leader, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(leader);
        if (string.IsNullOrWhiteSpace(text))
        {
            return StatementOutcome.Invalid;
        }

        if (text.Trim().Length > MaxLength)
        {
            return StatementOutcome.TooLong;
        }

        if (!await authorisation.IsLeaderAsync(scope, leader, cancellationToken))
        {
            return StatementOutcome.NotALeader;
        }

        var now = time.GetUtcNow();
        // Each version is newer than the one before, even at the same instant, so the history's order is the order written.
        if (await CurrentAsync(scope.TenantId, scope.ScopeId, cancellationToken) is { } previous && previous.WrittenAt >= now)
        {
            now = previous.WrittenAt.AddTicks(1);
        }

        var version = RecordKey.New(now);
        var partition = ListeningKeys.StatementPartition(scope.TenantId, scope.ScopeId);
        var statement = new KindnessStatement(text.Trim(), version, now, 0);
        await _table.AddEntityAsync(Row(partition, "v|" + version, statement), cancellationToken);
        await _table.UpsertEntityAsync(Row(partition, Now, statement), TableUpdateMode.Replace, cancellationToken);
        await audit.RecordLeaderActionAsync(scope, leader, AuditAction.KindnessStatementWritten, now, version, cancellationToken);
        return StatementOutcome.Done;
    }

    /// <summary>"This rings true" for the version shown (the current one only), once per person.</summary>
    public async Task<(StatementOutcome Outcome, KindnessStatement? Statement)> RingsTrueAsync(ConversationRecord scope, Person person, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(person);
        if (await CurrentAsync(scope.TenantId, scope.ScopeId, cancellationToken) is not { } current || current.Version != version)
        {
            return (StatementOutcome.NotCurrent, null);
        }

        var partition = ListeningKeys.StatementPartition(scope.TenantId, scope.ScopeId);
        var tag = keys.Tags.For(scope.TenantId, ListeningKeys.RingsTruePurpose, scope.ScopeId + "|" + version, person.TeamsId);
        try
        {
            await _table.AddEntityAsync(new TableEntity(partition, $"r|{version}|{tag}"), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (StatementOutcome.AlreadyCounted, current);
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, Now, cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value!.GetString("Version") != version)
            {
                return (StatementOutcome.NotCurrent, null);
            }

            var count = (await _table.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"r|" + version + "|"} and RowKey lt {"r|" + version + "}"}"), cancellationToken)).Count;
            var row = found.Value;
            row["RingsTrue"] = count;
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return (StatementOutcome.Done, Read(row));
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Someone else counted at the same moment: count again.
            }
        }

        return (StatementOutcome.Done, await CurrentAsync(scope.TenantId, scope.ScopeId, cancellationToken));
    }

    /// <summary>A suggested change, always anonymous: the words and the day only.</summary>
    public async Task<StatementOutcome> SuggestAsync(ConversationRecord scope, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (string.IsNullOrWhiteSpace(text))
        {
            return StatementOutcome.Invalid;
        }

        if (text.Trim().Length > MaxSuggestion)
        {
            return StatementOutcome.TooLong;
        }

        var day = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        await _table.AddEntityAsync(new TableEntity(ListeningKeys.StatementPartition(scope.TenantId, scope.ScopeId), $"g|{RecordKey.New(day)}")
        {
            ["Kind"] = "suggestion",
            ["Text"] = text.Trim(),
            ["Day"] = day,
        }, cancellationToken);
        return StatementOutcome.Done;
    }

    /// <summary>The newest suggestions, for the team's leaders only.</summary>
    public async Task<IReadOnlyList<StatementSuggestion>?> SuggestionsAsync(ConversationRecord scope, Person leader, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!await authorisation.IsLeaderAsync(scope, leader, cancellationToken))
        {
            return null;
        }

        var found = new List<StatementSuggestion>();
        await foreach (var row in _table.QueryAsync<TableEntity>(Range(scope.TenantId, scope.ScopeId, "g|"), maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            found.Add(new StatementSuggestion(row.GetString("Text") ?? "", DateOnly.FromDateTime((row.GetDateTimeOffset("Day") ?? default).UtcDateTime)));
            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    private static string Range(string tenantId, string teamId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {ListeningKeys.StatementPartition(tenantId, teamId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + (char)(prefix[^1] + 1)}");

    private static TableEntity Row(string partition, string rowKey, KindnessStatement s) => new(partition, rowKey)
    {
        ["Kind"] = "statement",
        ["Text"] = s.Text,
        ["Version"] = s.Version,
        ["WrittenAt"] = s.WrittenAt,
        ["RingsTrue"] = s.RingsTrue,
    };

    private static KindnessStatement Read(TableEntity e) =>
        new(e.GetString("Text") ?? "", e.GetString("Version") ?? "", e.GetDateTimeOffset("WrittenAt") ?? default, e.GetInt32("RingsTrue") ?? 0);
}

/// <summary>A version of a team's statement: its words, when it was written, and how many say it rings true (never who; the audit log says which leader wrote it).</summary>
public sealed record KindnessStatement(string Text, string Version, DateTimeOffset WrittenAt, int RingsTrue);

/// <summary>A suggested change: its words and the day, never who.</summary>
public sealed record StatementSuggestion(string Text, DateOnly Day);

public enum StatementOutcome
{
    Done,
    NotALeader,
    Invalid,
    TooLong,
    AlreadyCounted,

    /// <summary>The statement changed since the card was made: "rings true" is for the words shown.</summary>
    NotCurrent,
}
