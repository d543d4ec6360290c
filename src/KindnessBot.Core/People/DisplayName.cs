namespace KindnessBot.Core.People;

/// <summary>
/// Names that come from Teams (people, teams, channels, the bot) as the product keeps them: trimmed, without control
/// characters, and at most <see cref="MaxLength"/> characters, so no name can make a row too large for Table Storage
/// (64 KiB a string) or a card too large for Teams.
/// </summary>
public static class DisplayName
{
    public const int MaxLength = 256;

    public static string? Bound(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var clean = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (clean.Length > MaxLength)
        {
            // Cut on a whole character: never between the two halves of a surrogate pair.
            var cut = char.IsHighSurrogate(clean[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1;
            clean = clean[..cut] + "…";
        }

        return clean.Length == 0 ? null : clean;
    }
}
