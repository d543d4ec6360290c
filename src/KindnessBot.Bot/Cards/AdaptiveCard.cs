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
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
[JsonDerivedType(typeof(InputTime), "Input.Time")]
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

/// <summary>
/// Text exactly as given: TextRun does no markdown, so whatever people typed (asterisks, links, &lt;at&gt; tags) is
/// shown as typed and cannot format the card or mention anyone. Use it for every piece of user text.
/// </summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement
{
    public static RichTextBlock Plain(string text, bool italic = false) => new([new TextRun(text) { Italic = italic ? true : null }]);
}

public sealed record TextRun(string Text)
{
    [JsonPropertyName("type")]
    public string Type => "TextRun";

    public bool? Italic { get; init; }

    public TextWeight? Weight { get; init; }

    public bool? IsSubtle { get; init; }
}

public abstract record CardInput(string Id) : CardElement
{
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record InputText(string Id) : CardInput(Id)
{
    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Value { get; init; }
}

public sealed record Choice(string Title, string Value);

public sealed record InputChoiceSet(string Id, IReadOnlyList<Choice> Choices) : CardInput(Id)
{
    public bool? IsMultiSelect { get; init; }

    /// <summary>"compact" (a drop-down), "expanded" (radio buttons or ticks) or "filtered" (type to search).</summary>
    public string? Style { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}

public sealed record InputToggle(string Id, string Title) : CardInput(Id)
{
    public string? Value { get; init; }

    public string ValueOn { get; init; } = "true";

    public string ValueOff { get; init; } = "false";
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
