using System.Globalization;

namespace KindnessBot.Core.Storage;

/// <summary>
/// The key of a time-ordered record (a recognition, a statement, a decision): inverted ticks, so the newest sorts
/// first, and eight random hex digits, so two records in the same tick stay apart. Keys arrive back in card submits,
/// so <see cref="IsKey"/> checks their shape before anything uses one.
/// </summary>
public static class RecordKey
{
    public static string New(DateTimeOffset at) => $"{InvertedTicks(at)}-{Random.Shared.Next():x8}";

    /// <summary>True when <paramref name="key"/> has the shape <see cref="New"/> gives.</summary>
    public static bool IsKey(string? key) =>
        key is { Length: 28 } && key[19] == '-' && key[..19].All(char.IsAsciiDigit) && key[20..].All(char.IsAsciiHexDigitLower);

    /// <summary>The ticks part alone: every key made at or after <paramref name="at"/> sorts at or before it.</summary>
    public static string InvertedTicks(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
