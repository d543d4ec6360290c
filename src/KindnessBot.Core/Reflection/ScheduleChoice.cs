using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Reflection;

/// <summary>What a leader chose on the set-up card, read but not yet validated.</summary>
public sealed record ScheduleChoice(DayOfWeek Day, int Hour, int Minute, string? TimeZoneId, IReadOnlyList<Commitment> Commitments, int OpenForDays);
