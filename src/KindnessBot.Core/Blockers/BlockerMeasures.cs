using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Privacy;

namespace KindnessBot.Core.Blockers;

/// <summary>
/// What blockers count for the Learning dashboard, the same whether counted as it happens or replayed from the rows:
/// a blocker raised in the team it was first raised to (its reporter by the keyed tag of their own list, so an anonymous
/// reporter is counted without being known), and a move to changed or not changing in the team that made it, with the
/// days it waited.
/// </summary>
public static class BlockerMeasures
{
    public static Measure Raised(Blocker blocker, string reporterTag)
    {
        ArgumentNullException.ThrowIfNull(blocker);
        return new(blocker.TenantId, blocker.History.Count > 0 ? blocker.History[0].ToTeam ?? blocker.TeamId : blocker.TeamId, Metrics.BlockersRaised, blocker.Id, blocker.CreatedAt, PersonId: reporterTag);
    }

    /// <summary>The measures of <paramref name="move"/> on a blocker then in <paramref name="teamId"/>: none unless it closed it as changed or not changing.</summary>
    public static IEnumerable<Measure> Closed(Blocker blocker, BlockerEvent move, string? teamId = null)
    {
        ArgumentNullException.ThrowIfNull(blocker);
        ArgumentNullException.ThrowIfNull(move);
        var team = teamId ?? blocker.TeamId;
        if (move.Kind != BlockerEventKind.Moved || move.Status is not (BlockerStatus.Changed or BlockerStatus.NotChanging))
        {
            yield break;
        }

        if (move.Status == BlockerStatus.NotChanging)
        {
            yield return new(blocker.TenantId, team, Metrics.BlockersNotChanging, blocker.Id, move.At);
            yield break;
        }

        yield return new(blocker.TenantId, team, Metrics.BlockersChanged, blocker.Id, move.At);
        yield return new(blocker.TenantId, team, Metrics.ChangeDays((int)(move.At - blocker.CreatedAt).TotalDays), blocker.Id, move.At);
    }
}

/// <summary>Blockers' measures replayed from the Blockers table for "rebuild aggregates": every blocker row of the tenant, and the reporters' list rows for whose each was.</summary>
public sealed class BlockerMeasureSource(BlockerStorage storage, PrivacyKeys keys) : IMeasureSource
{
    public async IAsyncEnumerable<Measure> ReplayAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reporters = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = Storage.TableKey.Compose(tenantId, "p") + "|";
        await foreach (var row in storage.Blockers.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {lists} and PartitionKey lt {BlockerKeys.End(lists)}"), cancellationToken: cancellationToken))
        {
            if (keys.Sealer.Open(tenantId, BlockerKeys.ReportsPurpose, row.GetString("Blocker") ?? "") is { } id)
            {
                reporters[id] = Storage.TableKey.Decode(row.PartitionKey[lists.Length..]);
            }
        }

        await foreach (var row in storage.Blockers.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {BlockerKeys.BlockerPartition(tenantId)}"), cancellationToken: cancellationToken))
        {
            var blocker = BlockerRows.ToBlocker(tenantId, row);
            if (reporters.TryGetValue(blocker.Id, out var tag))
            {
                yield return BlockerMeasures.Raised(blocker, tag);
            }

            var team = blocker.History.Count > 0 ? blocker.History[0].ToTeam ?? blocker.TeamId : blocker.TeamId;
            foreach (var e in blocker.History)
            {
                team = e.Kind == BlockerEventKind.Passed ? e.ToTeam ?? team : team;
                foreach (var measure in BlockerMeasures.Closed(blocker, e, team))
                {
                    yield return measure;
                }
            }
        }
    }
}
