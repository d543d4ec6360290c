using System.Collections.Concurrent;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Roles;

/// <summary>
/// The one authorisation check. Admins: <see cref="LeaderOptions.Admins"/>, and members of
/// <see cref="LeaderOptions.AdminGroupId"/>. Leaders of a team or group chat: admins, its stored leaders
/// (<see cref="ILeaderStore"/>), and with <see cref="LeaderOptions.TeamOwnersLead"/> the team's owners. Whoever the
/// roster says is a guest leads nothing, whatever is stored or configured. Who installed the bot confers nothing.
/// </summary>
/// <remarks>
/// Directory answers are kept for five minutes; a directory that fails counts as "no" (logged without ids) and is not
/// asked again for a minute, so Graph can never break a turn. Without Graph settings the directory is never asked.
/// </remarks>
public sealed partial class Authorisation(LeaderOptions options, ILeaderStore store, IDirectoryRoles directory, IPeopleDirectory people, TimeProvider time, ILogger<Authorisation> logger) : IAuthorisation
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FailureKeptFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, object Answer)> _directory = new(StringComparer.Ordinal);

    public async Task<bool> IsAdminAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (options.IsConfiguredAdmin(person.TeamsId, person.AadObjectId))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(options.AdminGroupId) || person.AadObjectId is not { Length: > 0 } aad)
        {
            return false;
        }

        var groupId = options.AdminGroupId;
        return await AskAsync($"group|{groupId}|{aad.ToLowerInvariant()}", false, () => directory.IsMemberOfGroupAsync(aad, groupId, cancellationToken), cancellationToken);
    }

    public async Task<bool> IsLeaderAsync(ConversationRecord scope, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(person);
        if (person.IsGuest)
        {
            return false;
        }

        var leads = scope.Kind != ConversationKind.Personal
            && ((await store.FindAsync(scope.TenantId, scope.ScopeId, cancellationToken))?.Includes(person.TeamsId) == true
                || (person.AadObjectId is { } aad && (await OwnersAsync(scope, cancellationToken)).Contains(aad, StringComparer.OrdinalIgnoreCase)));
        if (!leads && !await IsAdminAsync(person, cancellationToken))
        {
            return false;
        }

        // Only asked when the answer would be yes, so a member's turn costs no roster read.
        return scope.Kind == ConversationKind.Personal || !(await RosterAsync(scope, cancellationToken)).Any(m => m.IsGuest && m.Is(person.TeamsId));
    }

    public async Task<IReadOnlyList<Person>> LeadersOfAsync(ConversationRecord scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Kind == ConversationKind.Personal)
        {
            return [];
        }

        var roster = await RosterAsync(scope, cancellationToken);
        var leaders = ((await store.FindAsync(scope.TenantId, scope.ScopeId, cancellationToken))?.Leaders ?? [])
            .Select(l => new Person(l.TeamsId, l.AadObjectId, l.Name, scope.TenantId))
            .ToList();
        foreach (var owner in await OwnersAsync(scope, cancellationToken))
        {
            if (roster.FirstOrDefault(m => m.AadObjectId is not null && string.Equals(m.AadObjectId, owner, StringComparison.OrdinalIgnoreCase)) is { } member)
            {
                leaders.Add(member);
            }
        }

        return [.. leaders.Where(l => !roster.Any(m => m.IsGuest && m.Is(l.TeamsId))).DistinctBy(l => l.TeamsId)];
    }

    private async Task<IReadOnlyList<string>> OwnersAsync(ConversationRecord scope, CancellationToken cancellationToken)
    {
        if (!options.TeamOwnersLead || scope.Kind != ConversationKind.Channel || scope.TeamAadGroupId is not { Length: > 0 } group)
        {
            return [];
        }

        return await AskAsync<IReadOnlyList<string>>($"owners|{group}", [], () => directory.TeamOwnersAsync(group, cancellationToken), cancellationToken);
    }

    private async Task<T> AskAsync<T>(string key, T failed, Func<Task<T>> ask, CancellationToken cancellationToken)
        where T : notnull
    {
        var now = time.GetUtcNow();
        if (_directory.TryGetValue(key, out var kept) && now < kept.Until)
        {
            return (T)kept.Answer;
        }

        if (_directory.Count > 10_000)
        {
            _directory.Clear();
        }

        try
        {
            var answer = await ask();
            _directory[key] = (now + KeptFor, answer);
            return answer;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A timeout (HttpClient's TaskCanceledException) is a failure like any other; only the turn's own cancellation is not.
            _directory[key] = (now + FailureKeptFor, failed);
            LogDirectoryFailed(logger, ex.GetType().Name);
            return failed;
        }
    }

    private async Task<IReadOnlyList<Person>> RosterAsync(ConversationRecord scope, CancellationToken cancellationToken)
    {
        try
        {
            return await people.MembersAsync(scope, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRosterFailed(logger, ex.GetType().Name);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A directory lookup for roles failed ({Failure}); it counts as no for a minute")]
    private static partial void LogDirectoryFailed(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A roster could not be read to check for guests ({Failure})")]
    private static partial void LogRosterFailed(ILogger logger, string failure);
}
