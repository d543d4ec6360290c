namespace KindnessBot.Core.Measures;

/// <summary>
/// Something that happened in a team, for the Learning dashboard to count in its week: <see cref="Metric"/> is one of
/// <see cref="Metrics"/>, <see cref="EventId"/> makes it count once however often it is sent, and <see cref="PersonId"/>
/// (whose it was, for the distinct-people count the five-person rule needs) is turned into a keyed tag before anything
/// is stored. <see cref="Amount"/> may be negative, for a change that takes back part of an earlier count.
/// </summary>
public sealed record Measure(string TenantId, string TeamId, string Metric, string EventId, DateTimeOffset At, long Amount = 1, string? PersonId = null);

/// <summary>
/// Where features count what happens. Counting never slows or fails the person's turn: it is handed over at once and
/// written after the turn (a count lost to a crash is repaired by "rebuild aggregates").
/// </summary>
public interface IMeasures
{
    void Count(Measure measure);
}

/// <summary>
/// A feature's raw rows read back as the measures they made, so "rebuild aggregates" can recompute every count and say
/// whether the kept counts agreed. Reads a tenant's whole feature table: for the rare rebuild, never for a dashboard.
/// </summary>
public interface IMeasureSource
{
    IAsyncEnumerable<Measure> ReplayAsync(string tenantId, CancellationToken cancellationToken);
}
