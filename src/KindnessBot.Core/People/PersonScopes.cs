using System.Collections.Concurrent;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Roles;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.People;

/// <summary>
/// Which teams and chats a person may act in, for every feature: in a team channel or group chat, that one; in
/// personal chat, the teams the bot is in that the person belongs to. Also which of them they lead, through the one
/// <see cref="IAuthorisation"/>.
/// </summary>
/// <remarks>
/// A person's teams come from the membership index (<see cref="IMembershipStore"/>), which Teams' membership events
/// keep current and a read of each team's roster at most once a day brings back in step; so a command costs one
/// partition read, not a roster call per team. A team whose roster cannot be read (the bot was removed without Teams saying so, Teams refuses or throttles) is
/// left out and logged, and not asked again for a minute: one unreachable team never breaks anyone's turn.
/// </remarks>
public sealed partial class PersonScopes(IConversationStore conversations, IPeopleDirectory people, IMembershipStore memberships, IAuthorisation authorisation, TimeProvider time, ILogger<PersonScopes> logger)
{
    private static readonly TimeSpan FailingTeamLeftOutFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Tenant, string Scope), DateTimeOffset> _failing = new();
    private readonly ConcurrentDictionary<(string Tenant, string Scope), Task<IReadOnlyList<Person>?>> _indexing = new();

    // Membership events keep the index current; a daily read of each roster catches any event that never arrived.
    private static readonly TimeSpan RosterReadEvery = TimeSpan.FromDays(1);

    // The tenant's teams change rarely; kept for half a minute so a card and its submit do not each read them.
    private static readonly TimeSpan TeamsKeptFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<ConversationRecord> Teams, IReadOnlyDictionary<string, DateTimeOffset> IndexedAt)> _teams = new();

    /// <summary>The teams (each team's General channel) the bot is in that this person belongs to.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> TeamsOfAsync(Person person, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var (teams, indexedAt) = await TenantTeamsAsync(tenantId, cancellationToken);
        var recorded = await memberships.TeamsOfAsync(tenantId, person.TeamsId, cancellationToken);
        var mine = new List<ConversationRecord>();
        foreach (var team in teams)
        {
            // A team whose index is missing or a day old is read afresh, and this answer comes from what was read: while
            // its rows are being written (here or on another instance) the index may hold only some of its members.
            var fresh = indexedAt.TryGetValue(team.ScopeId, out var at) && time.GetUtcNow() - at < RosterReadEvery;
            var roster = fresh ? null : await IndexRosterOnceAsync(team, cancellationToken);
            if (roster is not null ? roster.Any(m => m.Is(person.TeamsId)) : recorded.Contains(team.ScopeId))
            {
                mine.Add(team);
            }
        }

        return mine;
    }

    /// <summary>People joined a team (a Teams membership event): they find it among their teams from now on.</summary>
    public Task MembersJoinedAsync(string tenantId, string teamId, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken) =>
        memberships.JoinAsync(tenantId, teamId, personIds, cancellationToken);

    /// <summary>The bot was removed from a team: who was in it is forgotten, and read afresh if the bot is added again.</summary>
    public async Task TeamRemovedAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        await memberships.ForgetTeamAsync(tenantId, teamId, cancellationToken);
        _teams.TryRemove(tenantId, out _);
    }

    /// <summary>People left a team (or were removed): it is no longer among their teams.</summary>
    public Task MembersLeftAsync(string tenantId, string teamId, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken) =>
        memberships.LeaveAsync(tenantId, teamId, personIds, cancellationToken);

    /// <summary>
    /// Reads the team's roster and records it as the team's members, once however many turns ask at the same moment;
    /// null, and nothing changed, when the roster cannot be read.
    /// </summary>
    private async Task<IReadOnlyList<Person>?> IndexRosterOnceAsync(ConversationRecord team, CancellationToken cancellationToken)
    {
        var key = (team.TenantId, team.ScopeId);
        var mine = new TaskCompletionSource<IReadOnlyList<Person>?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var indexing = _indexing.GetOrAdd(key, mine.Task);
        if (indexing == mine.Task)
        {
            // Runs to the end even if the turn that started it is cancelled: other turns may be waiting for it.
            _ = IndexRosterAsync(team, mine, key);
        }

        return await indexing.WaitAsync(cancellationToken);
    }

    private async Task IndexRosterAsync(ConversationRecord team, TaskCompletionSource<IReadOnlyList<Person>?> result, (string Tenant, string Scope) key)
    {
        try
        {
            var roster = await RosterAsync(team, CancellationToken.None);
            if (roster is not null)
            {
                roster = [.. roster.Where(m => m.TenantId is null || m.TenantId == team.TenantId)];
                await memberships.ReplaceAsync(team.TenantId, team.ScopeId, [.. roster.Select(m => m.TeamsId)], time.GetUtcNow(), CancellationToken.None);
                _teams.TryRemove(team.TenantId, out _);
            }

            result.SetResult(roster);
        }
        catch (Exception ex)
        {
            result.SetException(ex);
        }
        finally
        {
            _indexing.TryRemove(new KeyValuePair<(string, string), Task<IReadOnlyList<Person>?>>(key, result.Task));
        }
    }

    /// <summary>Where a person acting from <paramref name="where"/> may act: that chat or channel, or from personal chat their teams.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> ScopesAsync(Person person, ConversationRecord where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        return where.Kind == ConversationKind.Personal ? await TeamsOfAsync(person, where.TenantId, cancellationToken) : [where];
    }

    /// <summary>The scopes, among <see cref="ScopesAsync"/>, this person leads.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> LedScopesAsync(Person person, ConversationRecord where, CancellationToken cancellationToken)
    {
        var led = new List<ConversationRecord>();
        foreach (var scope in await ScopesAsync(person, where, cancellationToken))
        {
            if (await authorisation.IsLeaderAsync(scope, person, cancellationToken))
            {
                led.Add(scope);
            }
        }

        return led;
    }

    /// <summary>
    /// The stored team or chat <paramref name="scopeId"/> names (it arrives in card submits), if this person may act on
    /// it from <paramref name="where"/>; otherwise null.
    /// </summary>
    public async Task<ConversationRecord?> AllowedScopeAsync(Person person, ConversationRecord where, string scopeId, CancellationToken cancellationToken) =>
        (await ScopesAsync(person, where, cancellationToken)).FirstOrDefault(s => s.ScopeId == scopeId) is { } scope
            ? await conversations.FindAsync(scope.TenantId, scopeId, cancellationToken) ?? scope
            : null;

    /// <summary>Someone in one of <paramref name="scopes"/> with this id (Teams or Entra), of this tenant; null if none.</summary>
    public async Task<Person?> FindMemberAsync(IEnumerable<ConversationRecord> scopes, string id, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var scope in scopes)
        {
            var member = (await RosterAsync(scope, cancellationToken) ?? []).FirstOrDefault(m => m.Is(id));
            if (member is not null && (member.TenantId is null || member.TenantId == tenantId))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Everyone in <paramref name="scopes"/> of this tenant, once each.</summary>
    public async Task<IReadOnlyList<Person>> MembersAsync(IEnumerable<ConversationRecord> scopes, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var found = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            foreach (var member in await RosterAsync(scope, cancellationToken) ?? [])
            {
                if (member.TenantId is null || member.TenantId == tenantId)
                {
                    found.TryAdd(member.TeamsId, member);
                }
            }
        }

        return [.. found.Values];
    }

    /// <summary>The roster of one team or chat; null (and logged) when it cannot be read.</summary>
    private async Task<IReadOnlyList<Person>?> RosterAsync(ConversationRecord scope, CancellationToken cancellationToken)
    {
        var key = (scope.TenantId, scope.ScopeId);
        var now = time.GetUtcNow();
        if (_failing.TryGetValue(key, out var failedAt) && now - failedAt < FailingTeamLeftOutFor)
        {
            return null;
        }

        try
        {
            var members = await people.MembersAsync(scope, cancellationToken);
            _failing.TryRemove(key, out _);
            return members;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (_failing.Count > 10_000)
            {
                _failing.Clear();
            }

            _failing[key] = now;
            LogRosterFailed(logger, scope.Kind, scope.TenantId, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The roster of a {Kind} in tenant {TenantId} could not be read ({Failure}); it is left out for a minute")]
    private static partial void LogRosterFailed(ILogger logger, ConversationKind kind, string tenantId, string failure);

    private async Task<(IReadOnlyList<ConversationRecord> Teams, IReadOnlyDictionary<string, DateTimeOffset> IndexedAt)> TenantTeamsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_teams.TryGetValue(tenantId, out var kept) && now - kept.At < TeamsKeptFor)
        {
            return (kept.Teams, kept.IndexedAt);
        }

        var teams = await conversations.ListTeamsAsync(tenantId, cancellationToken);
        var indexedAt = await memberships.IndexedAtAsync(tenantId, cancellationToken);
        if (_teams.Count > 10_000)
        {
            _teams.Clear();
        }

        _teams[tenantId] = (now, teams, indexedAt);
        return (teams, indexedAt);
    }
}
