using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Recognition;

/// <summary>
/// What recognitions count for the Learning dashboard: each recognition given in a team's channel, or to be celebrated
/// in a team, counts once in that team (whatever the recipient later decides: a count shares nothing about them) and
/// once under each commitment it names. Its people are the givers. One given in a chat with no team counts nowhere.
/// </summary>
public static class RecognitionMeasures
{
    public static IEnumerable<Measure> Given(Recognition r, string teamId)
    {
        ArgumentNullException.ThrowIfNull(r);
        var giver = string.IsNullOrEmpty(r.GiverId) ? null : r.GiverId;
        yield return new(r.TenantId, teamId, Metrics.Recognitions, r.Key, r.GivenAt, PersonId: giver);
        foreach (var commitment in r.Commitments)
        {
            yield return new(r.TenantId, teamId, Metrics.RecognitionsFor(commitment), r.Key, r.GivenAt, PersonId: giver);
        }
    }
}

/// <summary>Recognitions' measures replayed for "rebuild aggregates": every giver's copy of the tenant's recognitions, each placed in its team by the conversation it was to be celebrated in.</summary>
public sealed class RecognitionMeasureSource(StorageAccount account, IConversationStore conversations) : IMeasureSource
{
    private readonly TableClient _table = account.Table(RecognitionStorage.TableName);

    public async IAsyncEnumerable<Measure> ReplayAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var givers = TableKey.Compose(tenantId, "g") + "|";
        var teams = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {givers} and PartitionKey lt {givers[..^1] + "}"} and RowKey ge {"r|"} and RowKey lt {"r}"}"), cancellationToken: cancellationToken))
        {
            var recognition = TableRecognitionStore.FromEntity(row);
            if (recognition.CelebrateInConversationId is not { } conversationId)
            {
                continue;
            }

            if (!teams.TryGetValue(conversationId, out var team))
            {
                teams[conversationId] = team = (await conversations.FindAsync(tenantId, conversationId, cancellationToken))?.ScopeId;
            }

            if (team is not null)
            {
                foreach (var measure in RecognitionMeasures.Given(recognition, team))
                {
                    yield return measure;
                }
            }
        }
    }
}
