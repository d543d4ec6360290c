namespace KindnessBot.Core.Roles;

/// <summary>A stored leader of a team or group chat: their ids and name, and who made them a leader, when.</summary>
public sealed record TeamLeader(string TeamsId, string? AadObjectId, string Name, string AddedBy, DateTimeOffset AddedAt);
