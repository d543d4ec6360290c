namespace KindnessBot.Core.PersonalData;

/// <summary>One part of a person's data file: a name ("recognitionsReceived") and the rows as stored.</summary>
public sealed record PersonalDataSection(string Name, IReadOnlyList<IReadOnlyDictionary<string, object?>> Items);
