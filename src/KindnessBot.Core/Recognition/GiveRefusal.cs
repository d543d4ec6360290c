using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Recognition;

public enum GiveRefusal
{
    Yourself,
    RecipientNotFound,
    TeamNotYours,
    DailyLimitReached,
}
