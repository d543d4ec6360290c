namespace KindnessBot.Bot.Cards;

/// <summary>Long texts cut for places that only need a glimpse (a choice in a list, a story in the log).</summary>
internal static class ShortText
{
    /// <summary>At most <paramref name="max"/> characters, ending with "…" when cut, never between the halves of an emoji.</summary>
    public static string Of(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
