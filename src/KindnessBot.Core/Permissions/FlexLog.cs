namespace KindnessBot.Core.Permissions;

public sealed record FlexLog(IReadOnlyList<StatementLog> Statements, int OwnJudgementDecisions, IReadOnlyList<FlexDecision> OwnJudgementStories);
