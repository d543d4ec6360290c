using KindnessBot.Core.People;

namespace KindnessBot.Core.Blockers;

/// <summary>A staff member's report of what got in the way of kindness for a team. Anonymous unless they choose otherwise.</summary>
/// <param name="FormId">The id the report form was made with: the same form sent twice (a double click, a Teams retry) stores one blocker.</param>
public sealed record BlockerReport(string TenantId, string TeamId, Person Reporter, string What, BlockerWhere Where, BlockerAffected Affected, string? Suggestion = null, bool Named = false, string? FormId = null)
{
    /// <summary>Longest reporter name kept: Teams names are short, and a row must stay small.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Why the report cannot be taken, or null when it can.</summary>
    public BlockerRefusal? Problem() =>
        string.IsNullOrWhiteSpace(TenantId) || string.IsNullOrWhiteSpace(TeamId) || Reporter is null || string.IsNullOrEmpty(Reporter.TeamsId)
            || string.IsNullOrWhiteSpace(What) || !Enum.IsDefined(Where) || !Enum.IsDefined(Affected) ? BlockerRefusal.Invalid
        : What.Length > BlockerMoves.MaxTextLength || Suggestion is { Length: > BlockerMoves.MaxTextLength } ? BlockerRefusal.TooLong
        : null;
}
