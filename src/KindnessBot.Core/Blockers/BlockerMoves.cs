namespace KindnessBot.Core.Blockers;

/// <summary>
/// Which status moves are allowed: New → Acknowledged → InProgress → Changed or NotChanging, and from New or
/// Acknowledged straight to Changed or NotChanging. Changed, NotChanging and Merged are final.
/// </summary>
public static class BlockerMoves
{
    public const int MaxTextLength = 1_000;

    public static bool IsClosed(BlockerStatus status) => status is BlockerStatus.Changed or BlockerStatus.NotChanging or BlockerStatus.Merged;

    public static bool IsAllowed(BlockerStatus from, BlockerStatus to) => (from, to) switch
    {
        (BlockerStatus.New, BlockerStatus.Acknowledged) => true,
        (BlockerStatus.Acknowledged, BlockerStatus.InProgress) => true,
        (BlockerStatus.New or BlockerStatus.Acknowledged or BlockerStatus.InProgress, BlockerStatus.Changed or BlockerStatus.NotChanging) => true,
        _ => false,
    };

    /// <summary>Why a move with this note is refused, or null when it may go ahead.</summary>
    public static BlockerRefusal? Check(BlockerStatus from, BlockerStatus to, string? note)
    {
        if (IsClosed(from))
        {
            return BlockerRefusal.Final;
        }

        if (!Enum.IsDefined(to) || !IsAllowed(from, to))
        {
            return BlockerRefusal.InvalidMove;
        }

        if (to is BlockerStatus.Changed or BlockerStatus.NotChanging && string.IsNullOrWhiteSpace(note))
        {
            return BlockerRefusal.NoteRequired;
        }

        return note is { Length: > MaxTextLength } ? BlockerRefusal.TooLong : null;
    }
}
