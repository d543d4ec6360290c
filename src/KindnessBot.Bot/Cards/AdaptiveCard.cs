using System.Text.Json;
using System.Text.Json.Serialization;

namespace KindnessBot.Bot.Cards;

/// <summary>
/// A small typed model of Adaptive Cards 1.5 (the newest Teams renders), for the elements KindnessBot uses.
/// No C# Adaptive Cards package is available here; every card is checked against the official JavaScript SDK
/// in the tests instead.
/// </summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body, IReadOnlyList<CardAction>? Actions = null)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    [JsonPropertyName("type")]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    public string Version => "1.5";

    /// <summary>Teams: let the card use the full width of the conversation.</summary>
    [JsonPropertyName("msteams")]
    public object MsTeams => new { width = "Full" };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
