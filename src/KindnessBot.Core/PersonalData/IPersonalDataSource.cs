using KindnessBot.Core.People;

namespace KindnessBot.Core.PersonalData;

/// <summary>
/// What one feature keeps about a person, for "my data" and "delete my data". Each feature implements it in its own
/// folder and its module registers it, so a new feature adds its source without editing anything shared. The person
/// always comes from the turn that asked, never from a card.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>Every row the feature holds about <paramref name="person"/> in the tenant, in sections named for the file.</summary>
    Task<IReadOnlyList<PersonalDataSection>> ExportAsync(string tenantId, Person person, CancellationToken cancellationToken);

    /// <summary>
    /// Erases what the feature may erase about <paramref name="person"/> (in bounded batches, rows updated under their
    /// ETags) and says how much. Safe to repeat: a second call finds nothing and returns zeros.
    /// </summary>
    Task<ErasureCount> EraseAsync(string tenantId, Person person, CancellationToken cancellationToken);
}
