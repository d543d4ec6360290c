using System.Text.Json.Serialization;

namespace KindnessBot.Bot.Cards;

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyName("type")]
    public string Type => "Column";

    public string Width { get; init; } = "stretch";
}
