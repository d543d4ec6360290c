using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Recognition;

public enum DecideOutcome
{
    Decided,
    AlreadyDecided,
    NotFound,
    NothingToShareIn,
}
