using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Measures;

/// <summary>
/// Something a team's story of change tells, that everyone it names agreed to share: a recognition its recipient chose
/// to celebrate with the team, a flexible decision its maker shared as a story, a blocker the team changed ("you said,
/// we did", already posted in the team's channel), a version of the team's statement of what kindness means.
/// </summary>
public sealed record StoryItem(Commitment Commitment, string Kind, DateTimeOffset At, string Text, string? Detail = null, string? Who = null, string? Whom = null)
{
    public const string Recognition = "recognition";
    public const string Decision = "decision";
    public const string YouSaidWeDid = "you-said-we-did";
    public const string Statement = "statement";
}

/// <summary>A feature's shared items for a team's story of change, from <c>since</c> up to (not including) <c>until</c>.</summary>
public interface IStorySource
{
    Task<IReadOnlyList<StoryItem>> ItemsAsync(string tenantId, string scopeId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
