using Azure.Data.Tables;
using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Listening;

/// <summary>Pulses opened before the cutoff go, with their answers and the named answers' list rows, and suggestions by their day; a team's statement and its history stay while the team uses it (the story of change reads them).</summary>
public sealed class ListeningRetention(ListeningStorage storage, PulseService pulses) : IRetentionSweep
{
    public string Table => ListeningStorage.TableName;

    public async Task<int> SweepAsync(RetentionCutoff cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cutoff);
        var filter = TableClient.CreateQueryFilter($"Kind eq {"pulse"} and OpenedAt lt {cutoff.Before.ToUniversalTime()}");
        var removed = 0;
        await foreach (var row in storage.Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            var tenant = TableKey.Decode(row.PartitionKey.Split('|')[0]);
            foreach (var answer in await pulses.AnswerRowsAsync(tenant, row.RowKey, cancellationToken))
            {
                if (answer.GetString("NamedList") is { } list)
                {
                    await storage.Table.DeleteIfThereAsync(list, row.RowKey, cancellationToken);
                }

                await storage.Table.DeleteIfThereAsync(answer.PartitionKey, answer.RowKey, cancellationToken);
            }

            await storage.Table.DeleteIfThereAsync(row.PartitionKey, row.RowKey, cancellationToken);
            if (++removed >= max)
            {
                break;
            }
        }

        // Suggestions (anonymous words and a day) go by their day too.
        return removed >= max ? removed : removed + await storage.Table.DeleteSomeAsync(TableClient.CreateQueryFilter($"Kind eq {"suggestion"} and Day lt {cutoff.Before.ToUniversalTime()}"), max - removed, cancellationToken);
    }
}
