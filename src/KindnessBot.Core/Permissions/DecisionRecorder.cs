using KindnessBot.Core.Delivery;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// "I flexed": a decision is recorded once per card (a double click or a Teams retry stores nothing new and is answered
/// as a duplicate), at most a daily limit per person, and counts as a use of the statement it relied on.
/// </summary>
internal sealed class DecisionRecorder(IPermissionStore store, PostedStatements posted, DeliveryOutbox outbox, TimeProvider time, int dailyLimit, IMeasures? measures)
{
    public async Task<DecisionOutcome> RecordAsync(DecisionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scopeId = request.Scope.ScopeId;
        var now = time.GetUtcNow();
        PermissionStatement? statement = null;
        if (request.StatementKey is not null)
        {
            statement = await store.FindAsync(request.Scope.TenantId, scopeId, request.StatementKey, cancellationToken);
            if (statement is null || statement.ActivityId is null)
            {
                return new(null, PermissionRefusal.NotFound);
            }

            if (statement.StateOn(DateOnly.FromDateTime(now.UtcDateTime)) != StatementState.Active)
            {
                return new(null, PermissionRefusal.NotActive);
            }
        }

        var decision = new FlexDecision
        {
            TenantId = request.Scope.TenantId,
            ScopeId = scopeId,
            Key = RecordKey.New(now),
            PersonId = request.Person.TeamsId,
            PersonName = request.Person.Name,
            Decided = request.Decided,
            ForWhom = request.ForWhom,
            StatementKey = statement?.Key,
            Outcome = request.Outcome,
            ShareAsStory = request.ShareAsStory,
            MadeAt = now,
        };
        var (added, stored) = await store.AddDecisionAsync(decision, request.CardId, dailyLimit, cancellationToken);
        if (added != AddDecisionOutcome.Added)
        {
            // Nothing new: no second count, card update or story.
            return added == AddDecisionOutcome.Duplicate ? new(stored, null, Duplicate: true) : new(null, PermissionRefusal.DailyLimitReached);
        }

        foreach (var measure in PermissionMeasures.Decided(stored))
        {
            measures?.Count(measure);
        }

        if (statement is not null && await store.FindAsync(statement.TenantId, scopeId, statement.Key, cancellationToken) is { } used)
        {
            await posted.RefreshCardAsync(used, cancellationToken);
        }

        if (stored.ShareAsStory && await posted.WhereAsync(request.Scope.TenantId, statement?.ConversationId ?? scopeId, cancellationToken) is { } where)
        {
            await outbox.EnqueueAsync(PermissionDelivery.StoryRequest(stored, scopeId, where.ConversationId), cancellationToken);
        }

        return new(stored, null);
    }
}
