namespace KindnessBot.Core.People;

/// <summary>
/// Which people are in which of a tenant's teams, kept from Teams' membership events and a daily read of each roster,
/// so finding a person's teams is one partition read instead of a roster call per team per command.
/// </summary>
public interface IMembershipStore
{
    /// <summary>The ids of the teams this person (by Teams id) is recorded in.</summary>
    Task<IReadOnlySet<string>> TeamsOfAsync(string tenantId, string personId, CancellationToken cancellationToken);

    /// <summary>When each of the tenant's teams had its roster last read in full; teams never read are absent.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> IndexedAtAsync(string tenantId, CancellationToken cancellationToken);

    Task JoinAsync(string tenantId, string teamId, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken);

    Task LeaveAsync(string tenantId, string teamId, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken);

    /// <summary>Forgets the team: its members and when its roster was read (the bot was removed from it).</summary>
    Task ForgetTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>Makes the team's recorded members exactly <paramref name="personIds"/> (writing only the changes) and notes when.</summary>
    Task ReplaceAsync(string tenantId, string teamId, IReadOnlyCollection<string> personIds, DateTimeOffset at, CancellationToken cancellationToken);
}
