using KindnessBot.Core.People;

namespace KindnessBot.Core.PersonalData;

/// <summary>Everything stored about one person, from every source, at one moment.</summary>
public sealed record PersonalDataExport(string TenantId, Person Person, DateTimeOffset At, IReadOnlyList<PersonalDataSection> Sections);
