namespace KindnessBot.Bot.Cards;

/// <summary>An image, here always a data URI the bot drew itself (Teams shows PNG, JPEG and GIF), with text for those who cannot see it.</summary>
public sealed record Image(Uri Url) : CardElement
{
    public string? AltText { get; init; }

    /// <summary>"auto", "stretch", "small", "medium" or "large".</summary>
    public string? Size { get; init; }
}
