namespace KindnessBot.Core.Recognition;

public enum DecideOutcome
{
    Decided,
    AlreadyDecided,
    NotFound,
    NothingToShareIn,
}
