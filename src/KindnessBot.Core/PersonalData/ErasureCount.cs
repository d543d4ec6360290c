namespace KindnessBot.Core.PersonalData;

/// <summary>What one source did: rows removed, and rows kept for someone else with this person taken out of them.</summary>
public sealed record ErasureCount(string Source, int Erased, int Anonymised)
{
    public int Total => Erased + Anonymised;
}
