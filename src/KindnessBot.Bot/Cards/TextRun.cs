using System.Text.Json.Serialization;

namespace KindnessBot.Bot.Cards;

public sealed record TextRun(string Text)
{
    [JsonPropertyName("type")]
    public string Type => "TextRun";

    public bool? Italic { get; init; }

    public TextWeight? Weight { get; init; }

    public bool? IsSubtle { get; init; }

    public TextSize? Size { get; init; }
}
