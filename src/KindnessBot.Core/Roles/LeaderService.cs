using KindnessBot.Core.Audit;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Roles;

/// <summary>
/// Changes to who leads a team or group chat: founding at the first install, adding and removing. Each is checked by
/// the one <see cref="IAuthorisation"/> and recorded in the audit log.
/// </summary>
public sealed class LeaderService(IAuthorisation authorisation, ILeaderStore store, PersonScopes scopes, TimeProvider time, IAuditLog? audit = null)
{
    /// <summary>
    /// The bot was added to a team or group chat: its installer becomes its first leader if it was never founded (a
    /// guest founds it with no leader). A reinstall, by anyone, changes nothing.
    /// </summary>
    public async Task FoundAsync(ConversationRecord scope, Person installer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(installer);
        if (scope.Kind == ConversationKind.Personal || await store.FindAsync(scope.TenantId, scope.ScopeId, cancellationToken) is not null)
        {
            return;
        }

        var member = await scopes.FindMemberAsync([scope], installer.TeamsId, scope.TenantId, cancellationToken);
        var founder = member?.IsGuest == true ? null : Leader(member ?? installer, installer);
        if (await store.TryFoundAsync(scope.TenantId, scope.ScopeId, founder, cancellationToken) && founder is not null)
        {
            await audit.RecordLeaderActionAsync(scope, member ?? installer, AuditAction.LeaderFounded, time.GetUtcNow(), founder.Name, cancellationToken);
        }
    }

    /// <summary>Who leads <paramref name="scope"/>, as stored (names as they were when added).</summary>
    public async Task<IReadOnlyList<TeamLeader>> LeadersAsync(ConversationRecord scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return (await store.FindAsync(scope.TenantId, scope.ScopeId, cancellationToken))?.Leaders ?? [];
    }

    /// <summary>Makes a member of the team (not a guest, of its tenant) a leader, if <paramref name="actor"/> may.</summary>
    public async Task<(LeaderChange Outcome, Person? Subject)> AddAsync(ConversationRecord scope, Person actor, string personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(actor);
        if (scope.Kind == ConversationKind.Personal || !await authorisation.IsLeaderAsync(scope, actor, cancellationToken))
        {
            return (LeaderChange.NotALeader, null);
        }

        var member = await scopes.FindMemberAsync([scope], personId, scope.TenantId, cancellationToken);
        if (member is null || member.IsGuest)
        {
            return (LeaderChange.NotEligible, null);
        }

        var outcome = await store.AddAsync(scope.TenantId, scope.ScopeId, Leader(member, actor), cancellationToken);
        if (outcome == LeaderChange.Added)
        {
            await audit.RecordLeaderActionAsync(scope, actor, AuditAction.LeaderAdded, time.GetUtcNow(), member.Name, cancellationToken);
        }

        return (outcome, member);
    }

    /// <summary>Removes a leader, if <paramref name="actor"/> may; only an admin may remove the last one.</summary>
    public async Task<(LeaderChange Outcome, TeamLeader? Subject)> RemoveAsync(ConversationRecord scope, Person actor, string personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(actor);
        if (scope.Kind == ConversationKind.Personal || !await authorisation.IsLeaderAsync(scope, actor, cancellationToken))
        {
            return (LeaderChange.NotALeader, null);
        }

        var subject = (await LeadersAsync(scope, cancellationToken)).FirstOrDefault(l => l.TeamsId == personId);
        if (subject is null)
        {
            return (LeaderChange.AlreadySo, null);
        }

        var outcome = await store.RemoveAsync(scope.TenantId, scope.ScopeId, personId, await authorisation.IsAdminAsync(actor, cancellationToken), cancellationToken);
        if (outcome == LeaderChange.Removed)
        {
            await audit.RecordLeaderActionAsync(scope, actor, AuditAction.LeaderRemoved, time.GetUtcNow(), subject.Name, cancellationToken);
        }

        return (outcome, subject);
    }

    private TeamLeader Leader(Person person, Person addedBy) =>
        new(person.TeamsId, person.AadObjectId, DisplayName.Bound(person.Name) ?? person.TeamsId, addedBy.TeamsId, time.GetUtcNow());
}
