namespace KindnessBot.Bot.Cards;

/// <summary>
/// Text exactly as given: TextRun does no markdown, so whatever people typed (asterisks, links, &lt;at&gt; tags) is
/// shown as typed and cannot format the card or mention anyone. Use it for every piece of user text.
/// </summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement
{
    public static RichTextBlock Plain(string text, bool italic = false) => new([new TextRun(text) { Italic = italic ? true : null }]);
}
