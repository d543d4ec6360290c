namespace KindnessBot.Core.Permissions;

/// <summary>For one statement: how many decisions relied on it, and the stories people were happy to share.</summary>
public sealed record StatementLog(PermissionStatement Statement, int Decisions, IReadOnlyList<FlexDecision> SharedStories);
