using Azure.Data.Tables;
using KindnessBot.Core.Audit;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Measures;
using KindnessBot.Core.People;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Roles;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Blockers;

/// <summary>
/// The rules of blockers: anyone reports, anyone in the team says "this affects me too" (once), and only the team's
/// leaders (or admins) move, merge or pass. Every refusal is a value and changes nothing. An anonymous report keeps no
/// identity: the reporter is reachable only through a sealed address, and findable by themselves only through a keyed tag.
/// </summary>
public sealed partial class BlockerService(BlockerStore store, PrivacyKeys keys, IAuthorisation authorisation, TimeProvider time, IAuditLog? audit = null, IMeasures? measures = null)
{
    private const int Attempts = 3;

    public async Task<BlockerResult> ReportAsync(BlockerReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Problem() is { } problem)
        {
            return BlockerResult.Refused(problem);
        }

        var now = time.GetUtcNow();
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        // An anonymous report keeps the day only: an instant could be matched against the reporter's own chat or a trace.
        var at = report.Named ? now : day;
        var tenant = report.TenantId;
        var userId = report.Reporter.TeamsId;
        var id = BlockerId(tenant, day, report.FormId);
        if (report.FormId is { Length: > 0 } form)
        {
            // The form's marker holds the id its first send chose, so a send after midnight (or after a crash half-way)
            // finds the same blocker rather than making another. A send the same day makes the same id: the add below
            // refuses it, so only an id claimed on another day needs a look first.
            var claimed = await store.ClaimFormAsync(tenant, FormKey(tenant, form), id, day, cancellationToken);
            if (claimed != id && await store.FindAsync(tenant, claimed, cancellationToken) is not null)
            {
                return BlockerResult.Refused(BlockerRefusal.AlreadyReported);
            }

            id = claimed;
        }

        var blocker = new Blocker
        {
            TenantId = tenant,
            Id = id,
            TeamId = report.TeamId,
            What = report.What.Trim(),
            Where = report.Where,
            Affected = report.Affected,
            Suggestion = string.IsNullOrWhiteSpace(report.Suggestion) ? null : report.Suggestion.Trim(),
            Status = BlockerStatus.New,
            Anonymous = !report.Named,
            ReporterId = report.Named ? userId : null,
            ReporterName = report.Named ? Truncate(report.Reporter.Name) : null,
            SealedAddress = report.Named ? null : keys.Addresses.Seal(tenant, userId),
            AffectsCount = 1,
            CreatedAt = at,
            UpdatedAt = at,
            History = [new BlockerEvent(at, BlockerEventKind.Reported, BlockerStatus.New, ToTeam: report.TeamId)],
        };
        var list = new TableEntity(BlockerKeys.PersonPartition(tenant, ReportsTag(tenant, userId)), Guid.NewGuid().ToString("N"))
        {
            ["Blocker"] = keys.Sealer.Seal(tenant, BlockerKeys.ReportsPurpose, blocker.Id),
        };
        if (await store.AddAsync(blocker, AffectsRow(tenant, blocker.Id, userId), list, cancellationToken) is { } added)
        {
            measures?.Count(BlockerMeasures.Raised(added, ReportsTag(tenant, userId)));
            return new BlockerResult(added, null);
        }

        // The same form again: what it stored the first time stands, and nothing more is stored.
        return BlockerResult.Refused(BlockerRefusal.AlreadyReported);
    }

    /// <summary>
    /// A blocker's id: the day (never the moment, for named and anonymous reports alike, so the order of a day's reports
    /// says nothing about who made them) and a part from the form, so the same form makes the same id that day.
    /// </summary>
    private static string FormKey(string tenantId, string formId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{tenantId}|form|{formId}")));

    internal static string BlockerId(string tenantId, DateTimeOffset day, string? formId)
    {
        if (string.IsNullOrEmpty(formId))
        {
            return RecordKey.New(day);
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{tenantId}|{formId}"));
        return $"{RecordKey.InvertedTicks(day)}-{Convert.ToHexStringLower(hash, 0, 4)}";
    }

    public Task<BlockerResult> MoveAsync(ConversationRecord scope, Person leader, string blockerId, BlockerStatus to, string? note, CancellationToken cancellationToken) =>
        LeaderChangeAsync(scope, leader, blockerId, AuditAction.BlockerMoved, (b, now) => BlockerMoves.Check(b.Status, to, note) is { } refused
            ? (null, refused)
            : (b with
            {
                Status = to,
                UpdatedAt = now,
                ClosedAt = BlockerMoves.IsClosed(to) ? now : null,
                Outcome = BlockerMoves.IsClosed(to) ? note!.Trim() : b.Outcome,
                History = [.. b.History, new BlockerEvent(now, BlockerEventKind.Moved, to)],
            }, null), cancellationToken);

    /// <summary>Passes a blocker to another team: it starts again as New there, and its history keeps that it was passed.</summary>
    public Task<BlockerResult> PassAsync(ConversationRecord scope, Person leader, string blockerId, string toTeamId, CancellationToken cancellationToken) =>
        LeaderChangeAsync(scope, leader, blockerId, AuditAction.BlockerPassed, (b, now) =>
            string.IsNullOrWhiteSpace(toTeamId) ? (null, BlockerRefusal.Invalid)
            : toTeamId == b.TeamId ? (null, BlockerRefusal.Same)
            : b.IsClosed ? (null, BlockerRefusal.Final)
            : (b with
            {
                TeamId = toTeamId,
                Status = BlockerStatus.New,
                UpdatedAt = now,
                History = [.. b.History, new BlockerEvent(now, BlockerEventKind.Passed, BlockerStatus.New, b.TeamId, toTeamId)],
            }, null), cancellationToken);

    /// <summary>
    /// Merges a duplicate into the blocker kept, both of the scope's team: the duplicate becomes Merged and points at the
    /// kept one, and everyone it affected counts once on the kept one.
    /// </summary>
    public async Task<BlockerResult> MergeAsync(ConversationRecord scope, Person leader, string duplicateId, string keptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (duplicateId == keptId)
        {
            return BlockerResult.Refused(BlockerRefusal.Same);
        }

        if (await FindAsync(scope, keptId, cancellationToken) is not { } kept)
        {
            return BlockerResult.Refused(BlockerRefusal.NotFound);
        }

        if (kept.IsClosed)
        {
            return BlockerResult.Refused(BlockerRefusal.Final);
        }

        var merged = await LeaderChangeAsync(scope, leader, duplicateId, AuditAction.BlockerMerged, (b, now) => b.IsClosed ? (null, BlockerRefusal.Final) : (b with
        {
            Status = BlockerStatus.Merged,
            UpdatedAt = now,
            ClosedAt = now,
            MergedInto = keptId,
            History = [.. b.History, new BlockerEvent(now, BlockerEventKind.Merged, BlockerStatus.Merged)],
        }, null), cancellationToken);
        if (!merged.Succeeded)
        {
            return merged;
        }

        var added = 0;
        foreach (var row in await store.AffectedAsync(scope.TenantId, duplicateId, cancellationToken))
        {
            if (keys.Sealer.Open(scope.TenantId, BlockerKeys.AffectsPurpose, row.GetString("Person") ?? "") is { } person
                && await store.TryAddAffectedAsync(AffectsRow(scope.TenantId, keptId, person), cancellationToken))
            {
                added++;
            }
        }

        await CountAsync(scope.TenantId, keptId, added, cancellationToken);
        return merged;
    }

    /// <summary>"This affects me too": counted once per person, and who is kept only as a keyed tag and a sealed id.</summary>
    public async Task<BlockerResult> AffectsMeTooAsync(ConversationRecord scope, Person person, string blockerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(person);
        if (await FindAsync(scope, blockerId, cancellationToken) is not { } found)
        {
            return BlockerResult.Refused(BlockerRefusal.NotFound);
        }

        if (found.IsClosed)
        {
            return BlockerResult.Refused(BlockerRefusal.Final);
        }

        if (!await store.TryAddAffectedAsync(AffectsRow(scope.TenantId, blockerId, person.TeamsId), cancellationToken))
        {
            return BlockerResult.Refused(BlockerRefusal.AlreadyCounted);
        }

        return await CountAsync(scope.TenantId, blockerId, 1, cancellationToken) is { } counted ? new BlockerResult(counted, null) : BlockerResult.Refused(BlockerRefusal.ChangedMeanwhile);
    }

    private async Task<Blocker?> CountAsync(string tenantId, string blockerId, int added, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts * 3; attempt++)
        {
            if (await store.FindAsync(tenantId, blockerId, cancellationToken) is not { } current)
            {
                return null;
            }

            if (added == 0)
            {
                return current;
            }

            if (await store.TryReplaceAsync(current, current with { AffectsCount = current.AffectsCount + added }, cancellationToken) is { } counted)
            {
                return counted;
            }
        }

        return null;
    }

    private async Task<BlockerResult> LeaderChangeAsync(ConversationRecord scope, Person leader, string blockerId, AuditAction action, Func<Blocker, DateTimeOffset, (Blocker? After, BlockerRefusal? Refusal)> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(leader);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await FindAsync(scope, blockerId, cancellationToken) is not { } current)
            {
                return BlockerResult.Refused(BlockerRefusal.NotFound);
            }

            if (attempt == 0 && !await authorisation.IsLeaderAsync(scope, leader, cancellationToken))
            {
                return BlockerResult.Refused(BlockerRefusal.NotALeader);
            }

            var now = time.GetUtcNow();
            var (after, refusal) = decide(current, now);
            if (refusal is not null || after is null)
            {
                return BlockerResult.Refused(refusal ?? BlockerRefusal.Invalid);
            }

            if (await store.TryReplaceAsync(current, after, cancellationToken) is { } written)
            {
                await audit.RecordLeaderActionAsync(scope, leader, action, now, blockerId, cancellationToken);
                foreach (var measure in BlockerMeasures.Closed(written, written.History[^1]))
                {
                    measures?.Count(measure);
                }

                return new BlockerResult(written, null, ReporterNotice.For(written));
            }
        }

        return BlockerResult.Refused(BlockerRefusal.ChangedMeanwhile);
    }

    private static string Truncate(string? name) => string.IsNullOrWhiteSpace(name) ? "" : name.Trim()[..Math.Min(name.Trim().Length, BlockerReport.MaxNameLength)];
}
