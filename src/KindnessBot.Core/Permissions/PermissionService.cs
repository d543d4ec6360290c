using KindnessBot.Core.Audit;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Measures;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// The Permissive commitment in practice: leaders give explicit, bounded, visible permission; people say they have
/// read it and record the flexible decisions it enabled; leaders see whether it works.
/// </summary>
public sealed class PermissionService(IPermissionStore store, IConversationStore conversations, IAuthorisation authorisation, IPermissionNotifier notifier, DeliveryOutbox outbox, TimeProvider time, PermissionOptions? options = null, IAuditLog? audit = null, IMeasures? measures = null)
{
    public const int MaxValidDays = 366;
    public const int ExtendByDays = 30;

    private readonly StatementPoster _poster = new(outbox);
    private readonly PostedStatements _posted = new(conversations, notifier);
    private readonly DecisionRecorder _decisions = new(store, new PostedStatements(conversations, notifier), outbox, time, (options ?? new PermissionOptions()).DailyDecisionLimit, measures);

    /// <summary>The number of ETag conflicts retried since start (for the benchmark).</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    private long _conflicts;

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<(PermissionStatement? Statement, PermissionRefusal? Refusal)> PostAsync(StatementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await authorisation.IsLeaderAsync(request.Where, request.Leader, cancellationToken))
        {
            return (null, PermissionRefusal.NotALeader);
        }

        if (request.ValidUntil < request.ValidFrom || request.ValidUntil < Today || request.ValidUntil.DayNumber - request.ValidFrom.DayNumber > MaxValidDays)
        {
            return (null, PermissionRefusal.BadDates);
        }

        var now = time.GetUtcNow();
        var statement = new PermissionStatement
        {
            TenantId = request.Where.TenantId,
            ScopeId = request.Where.ScopeId,
            ConversationId = request.Where.ConversationId,
            Key = RecordKey.New(now),
            LeaderId = request.Leader.TeamsId,
            LeaderName = request.Leader.Name,
            What = request.What,
            Boundaries = request.Boundaries,
            Commitments = request.Commitments.Count == 0 ? [Commitment.Permissive] : [.. request.Commitments.Distinct().Order()],
            ValidFrom = request.ValidFrom,
            ValidUntil = request.ValidUntil,
            PostedAt = now,
        };
        // Once per form card: pressing "Post it" again (a double click, or after Teams refused the post) posts the
        // statement the card made, instead of making a second one.
        var stored = await store.AddAsync(statement, request.CardId ?? Guid.NewGuid().ToString("N"), cancellationToken);
        if (stored.Key == statement.Key)
        {
            measures?.Count(PermissionMeasures.Issued(stored));
            await AuditAsync(request.Where, request.Leader, AuditAction.StatementPosted, stored.Key, cancellationToken);
        }

        return (await _poster.PostOnceAsync(stored, request.Where, cancellationToken), null);
    }

    /// <summary>
    /// "I've read this": each person counts once (a marker row per person), and the count shown is the number of
    /// markers, written with its ETag only when it would go up. Whoever inserted the last marker counts after it and
    /// keeps trying until the stored count has reached theirs, so the final count is exact however many press at once,
    /// and pressers who find the count already high enough stop instead of fighting over the same row.
    /// </summary>
    public async Task<(PermissionStatement? Statement, bool Counted)> MarkReadAsync(string tenantId, string scopeId, string key, string personId, CancellationToken cancellationToken)
    {
        var statement = await store.FindAsync(tenantId, scopeId, key, cancellationToken);
        if (statement is null || !await store.TryMarkAsync(statement, "read", personId, cancellationToken))
        {
            return (statement, false);
        }

        measures?.Count(PermissionMeasures.Read(statement, personId));
        var counted = await store.CountMarksAsync(statement, "read", cancellationToken);
        var (updated, conflicts) = await store.UpdateAsync(tenantId, scopeId, key, s => s.ReadCount >= counted ? null : s with { ReadCount = counted }, cancellationToken);
        Interlocked.Add(ref _conflicts, conflicts);
        if (updated!.ReadCount == counted)
        {
            await RefreshCardAsync(updated, cancellationToken);
        }

        return (updated, true);
    }

    /// <summary>
    /// "I flexed": records a decision once per card (a double click or a Teams retry stores nothing new and is answered
    /// as a duplicate), at most <see cref="PermissionOptions.DailyDecisionLimit"/> a day per person, counted as a use of
    /// the statement it relied on.
    /// </summary>
    public Task<DecisionOutcome> RecordDecisionAsync(DecisionRequest request, CancellationToken cancellationToken) => _decisions.RecordAsync(request, cancellationToken);

    public async Task<(PermissionStatement? Statement, PermissionRefusal? Refusal)> RevokeAsync(ConversationRecord scope, Person leader, string key, CancellationToken cancellationToken)
    {
        var result = await LeaderChangeAsync(scope, leader, key, s => s.Revoked ? null : s with { Revoked = true }, cancellationToken);
        if (result.Statement is not null)
        {
            await AuditAsync(scope, leader, AuditAction.StatementRevoked, key, cancellationToken);
        }

        return result;
    }

    public async Task<(PermissionStatement? Statement, PermissionRefusal? Refusal)> ExtendAsync(ConversationRecord scope, Person leader, string key, CancellationToken cancellationToken)
    {
        var today = Today;
        var result = await LeaderChangeAsync(
            scope,
            leader,
            key,
            s => s.Revoked ? null : s with { ValidUntil = Min(Max(s.ValidUntil, today).AddDays(ExtendByDays), s.ValidFrom.AddDays(MaxValidDays)) },
            cancellationToken);
        if (result.Statement is { } extended)
        {
            await store.ScheduleAsync(extended, cancellationToken);
            await AuditAsync(scope, leader, AuditAction.StatementExtended, key, cancellationToken);
        }

        return result;
    }

    /// <summary>Active statements for the given teams and chats, newest first.</summary>
    public async Task<IReadOnlyList<PermissionStatement>> ApplicableAsync(string tenantId, IEnumerable<ConversationRecord> scopes, CancellationToken cancellationToken)
    {
        var all = new List<PermissionStatement>();
        foreach (var scope in scopes.DistinctBy(s => s.ScopeId))
        {
            all.AddRange((await store.ListAsync(tenantId, scope.ScopeId, 200, cancellationToken)).Where(s => s.ActivityId is not null && s.StateOn(Today) == StatementState.Active));
        }

        return [.. all.OrderBy(s => s.Key, StringComparer.Ordinal)];
    }

    /// <summary>The decisions a person recorded, shared or not, newest first: theirs to see.</summary>
    public async Task<IReadOnlyList<FlexDecision>> DecisionsOfAsync(Person person, IEnumerable<ConversationRecord> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var mine = new List<FlexDecision>();
        foreach (var scope in scopes.DistinctBy(s => s.ScopeId))
        {
            mine.AddRange((await store.DecisionsAsync(scope.TenantId, scope.ScopeId, cancellationToken)).Where(d => d.PersonId == person.TeamsId));
        }

        return [.. mine.OrderBy(d => d.Key, StringComparer.Ordinal)];
    }

    public async Task<FlexLog?> FlexLogAsync(ConversationRecord scope, Person leader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!await authorisation.IsLeaderAsync(scope, leader, cancellationToken))
        {
            return null;
        }

        // A statement Teams never showed (its post was refused and not tried again) is nobody's to rely on.
        var statements = (await store.ListAsync(scope.TenantId, scope.ScopeId, 200, cancellationToken)).Where(s => s.ActivityId is not null);
        var decisions = await store.DecisionsAsync(scope.TenantId, scope.ScopeId, cancellationToken);
        var byStatement = decisions.Where(d => d.StatementKey is not null).ToLookup(d => d.StatementKey!);
        var own = decisions.Where(d => d.StatementKey is null).ToList();
        return new FlexLog(
            [.. statements.Select(s => new StatementLog(s, byStatement[s.Key].Count(), [.. byStatement[s.Key].Where(d => d.ShareAsStory)]))],
            own.Count,
            [.. own.Where(d => d.ShareAsStory)]);
    }

    /// <summary>
    /// Reminds leaders three days before a statement expires, and marks expired cards, for today's calendar entries.
    /// Safe on several instances at once: each reminder is asked of the delivery path under its own key, so it is delivered once.
    /// </summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var sent = 0;
        foreach (var day in new[] { today.AddDays(-1), today })
        {
            foreach (var (tenantId, scopeId, key) in await store.DueOnAsync(day, cancellationToken))
            {
                var statement = await store.FindAsync(tenantId, scopeId, key, cancellationToken);
                if (statement is null || statement.Revoked || statement.ActivityId is null)
                {
                    continue;
                }

                if (statement.StateOn(today) == StatementState.Expired)
                {
                    await RefreshCardAsync(statement, cancellationToken);
                    continue;
                }

                var daysLeft = statement.ValidUntil.DayNumber - today.DayNumber;
                if (daysLeft > TablePermissionStore.ReminderDaysBefore || statement.RemindedFor == statement.ValidUntil)
                {
                    continue;
                }

                // Recorded first (one reminder per statement and end date, by its key), then marked on the statement so
                // later sweeps skip it: a stop between the two repeats only the request, which is delivered once.
                await outbox.EnqueueAsync(PermissionDelivery.ReminderRequest(statement), cancellationToken);

                // The change may run more than once (on conflicts); what its last run decided is what was written.
                var claimed = false;
                await store.UpdateAsync(
                    tenantId,
                    scopeId,
                    key,
                    s =>
                    {
                        claimed = s.RemindedFor != s.ValidUntil;
                        return claimed ? s with { RemindedFor = s.ValidUntil } : null;
                    },
                    cancellationToken);
                sent += claimed ? 1 : 0;
            }
        }

        return sent;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private async Task<(PermissionStatement? Statement, PermissionRefusal? Refusal)> LeaderChangeAsync(ConversationRecord scope, Person leader, string key, Func<PermissionStatement, PermissionStatement?> change, CancellationToken cancellationToken)
    {
        if (!await authorisation.IsLeaderAsync(scope, leader, cancellationToken))
        {
            return (null, PermissionRefusal.NotALeader);
        }

        var (updated, _) = await store.UpdateAsync(scope.TenantId, scope.ScopeId, key, change, cancellationToken);
        if (updated is null)
        {
            return (null, PermissionRefusal.NotFound);
        }

        await RefreshCardAsync(updated, cancellationToken);
        return (updated, null);
    }

    private Task RefreshCardAsync(PermissionStatement statement, CancellationToken cancellationToken) => _posted.RefreshCardAsync(statement, cancellationToken);

    private Task AuditAsync(ConversationRecord scope, Person leader, AuditAction action, string key, CancellationToken cancellationToken) =>
        audit.RecordLeaderActionAsync(scope, leader, action, time.GetUtcNow(), key, cancellationToken);
}
