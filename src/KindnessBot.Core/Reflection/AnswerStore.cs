using Azure.Data.Tables;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// Answers in the ReflectionAnswers table. PartitionKey: the tenant. RowKey: "{team}|{week}|{answer key}", the
/// answer key being <see cref="AnswerKey"/>'s keyed hash, so one person has one row per prompt whether they answer
/// named or anonymously. Rows are written whole (replace, not merge): changing a named answer to anonymous
/// removes the name.
/// </summary>
public sealed class AnswerStore(ReflectionStorage storage, AnswerKey keys, IMeasures? measures = null)
{
    private readonly TableClient _table = storage.Answers;

    /// <summary>
    /// Saves a person's answer: a first answer, or a change to theirs, at most <paramref name="maxChanges"/> changes
    /// (counted on the row under its ETag, so concurrent changes cannot pass the limit together).
    /// </summary>
    public async Task<AnswerWrite> SaveAsync(string tenantId, PromptId prompt, string userId, string? userName, string text, int? wellbeing, bool anonymous, DateTimeOffset at, int maxChanges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var partition = TableKey.Encode(tenantId);
        var row = Row(prompt) + keys.For(tenantId, prompt, userId);
        var entity = new TableEntity(partition, row)
        {
            ["Text"] = text,
            ["Wellbeing"] = wellbeing,
            ["Anonymous"] = anonymous,
            // An anonymous answer keeps only the day it was given: an instant could be matched against when the
            // person's own chat was written or a trace was recorded, and so point at who answered.
            ["UpdatedAt"] = anonymous ? new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero) : at,
        };
        if (!anonymous)
        {
            entity["UserId"] = userId;
            entity["UserName"] = userName;
        }

        // A first answer is one insert; only a change (the insert finds the row) costs a second, whole-row write.
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            Count(ReflectionMeasures.Answered(tenantId, prompt, row, wellbeing));
            return AnswerWrite.Added;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
        }

        for (var attempt = 0; attempt <= maxChanges; attempt++)
        {
            var current = await _table.GetEntityAsync<TableEntity>(partition, row, select: ["Changes", "Wellbeing"], cancellationToken: cancellationToken);
            var changes = current.Value.GetInt32("Changes") ?? 0;
            if (changes >= maxChanges)
            {
                return AnswerWrite.TooManyChanges;
            }

            entity["Changes"] = changes + 1;
            try
            {
                await _table.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                Count(ReflectionMeasures.Changed(tenantId, prompt, row, changes + 1, current.Value.GetInt32("Wellbeing"), wellbeing));
                return AnswerWrite.Replaced;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 412)
            {
                // Another change of the same answer came first: count again.
            }
        }

        return AnswerWrite.TooManyChanges;
    }

    private void Count(IEnumerable<Measure> counted)
    {
        foreach (var measure in counted)
        {
            measures?.Count(measure);
        }
    }

    /// <summary>Every answer to a prompt (a partition range query).</summary>
    public async Task<IReadOnlyList<ReflectionAnswer>> ListAsync(string tenantId, PromptId prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var prefix = Row(prompt);
        var filter = TableKey.RowsStartingWith(TableKey.Encode(tenantId), prefix);
        var answers = new List<ReflectionAnswer>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var anonymous = e.GetBoolean("Anonymous") ?? true;
            answers.Add(new ReflectionAnswer(
                e.GetString("Text") ?? "",
                e.GetInt32("Wellbeing"),
                anonymous,
                anonymous ? null : e.GetString("UserId"),
                anonymous ? null : e.GetString("UserName"),
                e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue));
        }

        return answers;
    }

    /// <summary>How many people have answered a prompt (keys only are read).</summary>
    public async Task<int> CountAsync(string tenantId, PromptId prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var filter = TableKey.RowsStartingWith(TableKey.Encode(tenantId), Row(prompt));
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static string Row(PromptId prompt) => TableKey.Compose(prompt.TeamId, prompt.Week) + "|";
}
