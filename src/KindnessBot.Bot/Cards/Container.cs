using System.Text.Json;
using System.Text.Json.Serialization;

namespace KindnessBot.Bot.Cards;

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
}
