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

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
public abstract record CardElement
{
    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}

public enum TextSize { Small, Default, Medium, Large, ExtraLarge }

public enum TextWeight { Lighter, Default, Bolder }

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

public sealed record TextBlock(string Text) : CardElement
{
    public bool Wrap { get; init; } = true;

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public bool? IsSubtle { get; init; }
}

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyName("type")]
    public string Type => "Column";

    public string Width { get; init; } = "stretch";
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction(string Title);

/// <summary>A button that sends <see cref="Data"/> back to the bot; it must carry a "verb" for the submit router.</summary>
public sealed record SubmitAction(string Title, IReadOnlyDictionary<string, object> Data) : CardAction(Title)
{
    public static SubmitAction ForVerb(string title, string verb) => new(title, new Dictionary<string, object> { ["verb"] = verb });
}

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);

public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);
