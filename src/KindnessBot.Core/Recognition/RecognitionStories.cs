using KindnessBot.Core.Commitments;
using KindnessBot.Core.Measures;

namespace KindnessBot.Core.Recognition;

/// <summary>The team's recognitions for its story of change: only those its recipient chose to share with the team (their team copies), given in the period.</summary>
public sealed class RecognitionStories(IRecognitionStore recognitions) : IStorySource
{
    public const int Max = 200;

    public async Task<IReadOnlyList<StoryItem>> ItemsAsync(string tenantId, string scopeId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        [.. (await recognitions.TeamAsync(tenantId, scopeId, Max, cancellationToken))
            .Where(r => r.Status == ConsentStatus.Shared && r.GivenAt >= since && r.GivenAt < until)
            .OrderBy(r => r.GivenAt)
            .Select(r => new StoryItem(r.Commitments.Count > 0 ? r.Commitments[0] : Commitment.Understanding, StoryItem.Recognition, r.GivenAt, r.Text, string.Join(", ", r.Commitments), NameOrNull(r.GiverName), NameOrNull(r.RecipientName)))];

    // Someone who erased their data is no longer named.
    private static string? NameOrNull(string? name) => string.IsNullOrWhiteSpace(name) ? null : name;
}
