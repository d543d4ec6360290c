using KindnessBot.Core.Storage;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Permissions;

public enum PermissionRefusal
{
    NotALeader,
    BadDates,
    NotFound,
    NotActive,
}
