namespace KindnessBot.Core.Permissions;

/// <summary>What recording a flexible decision came to: the decision stored, or why nothing was.</summary>
/// <param name="Duplicate">The same card was submitted before (a double click or a Teams retry): nothing new was stored.</param>
public sealed record DecisionOutcome(FlexDecision? Decision, PermissionRefusal? Refusal, bool Duplicate = false);
