namespace KindnessBot.Core.Reflection;

/// <summary>What one sweep of the schedules did.</summary>
public sealed record SweepResult(int Enqueued, int Skipped, int Busy);
