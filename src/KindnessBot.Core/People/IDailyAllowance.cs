namespace KindnessBot.Core.People;

/// <summary>
/// How many changes of one kind a person may make in a UTC day: a limit on writes for every verb that has no limit of
/// its own, so no one (or no stolen session) can fill the tables or the audit log.
/// </summary>
public interface IDailyAllowance
{
    /// <summary>Counts one change of <paramref name="kind"/> for this person and says whether it is within <paramref name="perDay"/>.</summary>
    Task<bool> TryTakeAsync(string tenantId, string personId, string kind, int perDay, CancellationToken cancellationToken);
}
