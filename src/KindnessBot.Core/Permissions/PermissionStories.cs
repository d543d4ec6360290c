using KindnessBot.Core.Commitments;
using KindnessBot.Core.Measures;

namespace KindnessBot.Core.Permissions;

/// <summary>The flexible decisions their makers shared as stories (as their team's channel already saw them), made in the period.</summary>
public sealed class PermissionStories(IPermissionStore store) : IStorySource
{
    public async Task<IReadOnlyList<StoryItem>> ItemsAsync(string tenantId, string scopeId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        [.. (await store.DecisionsAsync(tenantId, scopeId, cancellationToken))
            .Where(d => d.ShareAsStory && d.MadeAt >= since && d.MadeAt < until)
            .OrderBy(d => d.MadeAt)
            .Select(d => new StoryItem(Commitment.Permissive, StoryItem.Decision, d.MadeAt, d.Decided, d.Outcome, string.IsNullOrWhiteSpace(d.PersonName) ? null : d.PersonName, d.ForWhom))];
}
