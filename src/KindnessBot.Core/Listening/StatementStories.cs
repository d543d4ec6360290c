using KindnessBot.Core.Commitments;
using KindnessBot.Core.Measures;

namespace KindnessBot.Core.Listening;

/// <summary>The team's statement of what kindness means for the story of change: the version in force when the period began, and every version written since (the one in force now included: it is what the team says today).</summary>
public sealed class StatementStories(KindnessStatements statements) : IStorySource
{
    public const int Max = 20;

    public async Task<IReadOnlyList<StoryItem>> ItemsAsync(string tenantId, string scopeId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var history = (await statements.HistoryAsync(tenantId, scopeId, Max, cancellationToken)).OrderBy(v => v.WrittenAt).ToList();
        var inForceAtStart = history.LastOrDefault(v => v.WrittenAt < since);
        return [.. history.Where(v => v.WrittenAt >= since || v == inForceAtStart).Select(v => new StoryItem(Commitment.Understanding, StoryItem.Statement, v.WrittenAt, v.Text))];
    }
}
