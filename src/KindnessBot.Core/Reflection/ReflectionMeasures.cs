using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// What reflection counts for the Learning dashboard, in the prompt's week: each prompt posted, each answer (its people
/// are the answers' keyed keys, one per person per prompt, never an id), and the wellbeing scores with their total. A
/// changed answer counts the difference its change made, so the counts always match the answers as they stand.
/// </summary>
public static class ReflectionMeasures
{
    public static IEnumerable<Measure> Prompted(PromptMessage prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (IsoWeeks.IsWeek(prompt.Week))
        {
            yield return new(prompt.TenantId, prompt.TeamId, Metrics.ReflectionPrompts, prompt.Week, IsoWeeks.Start(prompt.Week));
        }
    }

    public static IEnumerable<Measure> Answered(string tenantId, PromptId prompt, string answerRow, int? wellbeing)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (!IsoWeeks.IsWeek(prompt.Week))
        {
            yield break;
        }

        var at = IsoWeeks.Start(prompt.Week);
        yield return new(tenantId, prompt.TeamId, Metrics.ReflectionAnswers, answerRow, at, PersonId: answerRow);
        if (wellbeing is { } score)
        {
            yield return new(tenantId, prompt.TeamId, Metrics.WellbeingScores, answerRow, at, PersonId: answerRow);
            yield return new(tenantId, prompt.TeamId, Metrics.WellbeingTotal, answerRow, at, score, answerRow);
        }
    }

    /// <summary>The difference the <paramref name="change"/>th change of an answer made to the wellbeing counts.</summary>
    public static IEnumerable<Measure> Changed(string tenantId, PromptId prompt, string answerRow, int change, int? before, int? after)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (!IsoWeeks.IsWeek(prompt.Week))
        {
            yield break;
        }

        var at = IsoWeeks.Start(prompt.Week);
        var id = $"{answerRow}|{change}";
        var person = after is null ? null : answerRow;
        if ((after is null ? 0 : 1) - (before is null ? 0 : 1) is var scores and not 0)
        {
            yield return new(tenantId, prompt.TeamId, Metrics.WellbeingScores, id, at, scores, person);
        }

        if ((after ?? 0) - (before ?? 0) is var total and not 0)
        {
            yield return new(tenantId, prompt.TeamId, Metrics.WellbeingTotal, id, at, total, person);
        }
    }
}

/// <summary>Reflection's measures replayed for "rebuild aggregates": the tenant's posted prompts (slots) and every answer as it stands.</summary>
public sealed class ReflectionMeasureSource(ReflectionStorage storage) : IMeasureSource
{
    public async IAsyncEnumerable<Measure> ReplayAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = TableKey.Encode(tenantId);
        await foreach (var row in storage.Slots.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and State eq {nameof(SlotState.Sent)}"), cancellationToken: cancellationToken))
        {
            if (PromptMessage.FromJson(row.GetString("Prompt") ?? "") is { } prompt)
            {
                foreach (var measure in ReflectionMeasures.Prompted(prompt))
                {
                    yield return measure;
                }
            }
        }

        await foreach (var row in storage.Answers.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            var parts = row.RowKey.Split('|');
            if (parts.Length == 3 && IsoWeeks.IsWeek(TableKey.Decode(parts[1])))
            {
                var prompt = new PromptId(TableKey.Decode(parts[0]), TableKey.Decode(parts[1]));
                foreach (var measure in ReflectionMeasures.Answered(tenantId, prompt, row.RowKey, row.GetInt32("Wellbeing")))
                {
                    yield return measure;
                }
            }
        }
    }
}
