namespace KindnessBot.Bot.Cards;

/// <summary>A short reply to the giver or recipient: a title and a plain sentence that may hold names.</summary>
internal static class NoticeCard
{
    public static AdaptiveCard Build(string title, string text) =>
        new([new TextBlock(title) { Weight = TextWeight.Bolder }, RichTextBlock.Plain(text)]);
}
