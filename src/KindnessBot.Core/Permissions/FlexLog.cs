using KindnessBot.Core.Storage;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;

namespace KindnessBot.Core.Permissions;

public sealed record FlexLog(IReadOnlyList<StatementLog> Statements, int OwnJudgementDecisions, IReadOnlyList<FlexDecision> OwnJudgementStories);
