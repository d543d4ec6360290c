using KindnessBot.Core.People;
using KindnessBot.Core.Roles;

namespace KindnessBot.Bot.Leaders;

/// <summary>
/// What the leaders card shows for one team or group chat: its leaders, and, only for someone who may change them,
/// the members who could be added (not guests, not leaders already).
/// </summary>
public sealed record LeadersView(string ScopeId, string TeamName, IReadOnlyList<TeamLeader> Leaders, bool CanChange, IReadOnlyList<Person> Candidates, string? Notice = null);
