namespace KindnessBot.Core.Commitments;

/// <summary>How every feature stores a list of commitments: their names, comma-separated.</summary>
public static class CommitmentList
{
    public static string Format(IEnumerable<Commitment> commitments) => string.Join(',', commitments);

    /// <summary>What <see cref="Format"/> wrote (stored by the product itself, so every name is one of the six).</summary>
    public static IReadOnlyList<Commitment> Parse(string? stored) =>
        [.. (stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<Commitment>)];
}
