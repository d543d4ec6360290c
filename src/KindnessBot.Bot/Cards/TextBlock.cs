namespace KindnessBot.Bot.Cards;

public sealed record TextBlock(string Text) : CardElement
{
    public bool Wrap { get; init; } = true;

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public bool? IsSubtle { get; init; }
}
