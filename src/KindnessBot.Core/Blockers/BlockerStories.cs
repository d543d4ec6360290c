using KindnessBot.Core.Commitments;
using KindnessBot.Core.Measures;

namespace KindnessBot.Core.Blockers;

/// <summary>"You said, we did" for the story of change: the team's blockers changed in the period, with what changed (the monthly digest has already posted them in the channel; never who raised them).</summary>
public sealed class BlockerStories(BlockerStore store) : IStorySource
{
    public const int Max = 200;

    public async Task<IReadOnlyList<StoryItem>> ItemsAsync(string tenantId, string scopeId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        [.. (await store.ClosedBetweenAsync(tenantId, scopeId, since, until, Max, cancellationToken))
            .Where(b => b.Status == BlockerStatus.Changed)
            .OrderBy(b => b.ClosedAt)
            .Select(b => new StoryItem(Commitment.Systemic, StoryItem.YouSaidWeDid, b.ClosedAt ?? b.UpdatedAt, b.What, b.Outcome))];
}
