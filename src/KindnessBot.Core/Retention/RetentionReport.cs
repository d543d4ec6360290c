namespace KindnessBot.Core.Retention;

/// <summary>What one run removed, per table, and whether it reached the end (or stopped at its budget, to go on the next day).</summary>
public sealed record RetentionReport(IReadOnlyDictionary<string, int> Removed, bool Finished)
{
    public int Total => Removed.Values.Sum();
}
