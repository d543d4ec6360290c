using KindnessBot.Core.Measures;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;

namespace KindnessBot.Core.Learning;

/// <summary>What "rebuild aggregates" found: how many teams and weeks it compared, and each difference (none when the kept counts agreed).</summary>
public sealed record RebuildReport(int Teams, int Weeks, int Measures, IReadOnlyList<string> Differences)
{
    public bool Agreed => Differences.Count == 0;
}

/// <summary>
/// "Rebuild aggregates" (admins): every feature's raw rows replayed as measures, every team's weeks recomputed from them
/// and compared with the kept counts, then the kept counts set to the recomputation. Only the last year is compared
/// and set: older raw rows may have gone by retention, while the counts, which name no one, stay.
/// </summary>
public sealed class AggregateRebuild(WeeklyAggregates aggregates, IEnumerable<IMeasureSource> sources, IAuthorisation authorisation, TimeProvider time)
{
    public const int WeeksCompared = 52;

    public async Task<(RebuildReport? Report, LearningRefusal? Refusal)> RebuildAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        if (!await authorisation.IsAdminAsync(person, cancellationToken))
        {
            return (null, LearningRefusal.NotAnAdmin);
        }

        var to = IsoWeeks.Monday(IsoWeeks.Of(time.GetUtcNow())).AddDays(6);
        var from = to.AddDays(1 - (7 * WeeksCompared));
        var measures = new List<Measure>();
        foreach (var source in sources)
        {
            await foreach (var measure in source.ReplayAsync(tenantId, cancellationToken))
            {
                var day = DateOnly.FromDateTime(measure.At.UtcDateTime);
                if (day >= from && day <= to)
                {
                    measures.Add(measure);
                    measures.Add(measure with { TeamId = AggregateKeys.WholeOrganisation });
                }
            }
        }

        var expected = AggregateCheck.Recompute(measures);
        var stored = await aggregates.AllTeamsAsync(tenantId, from, to, cancellationToken);
        var teams = stored.Keys.Union(expected.Keys.Select(k => k.TeamId)).Order(StringComparer.Ordinal).ToList();
        var differences = new List<string>();
        var byTeam = measures.ToLookup(m => m.TeamId, StringComparer.Ordinal);
        var label = 0;
        foreach (var team in teams)
        {
            // Teams are named by number, not id: the report is shown in a chat.
            var name = team == AggregateKeys.WholeOrganisation ? "organisation" : $"team {++label}";
            differences.AddRange(AggregateCheck.Differences(team, stored.GetValueOrDefault(team) ?? [], expected).Select(d => $"{name}, {d}"));
            await aggregates.ReplaceAsync(tenantId, team, [.. byTeam[team]], from, to, cancellationToken);
        }

        return (new RebuildReport(teams.Count(t => t != AggregateKeys.WholeOrganisation), expected.Count, measures.Count / 2, differences), null);
    }
}
