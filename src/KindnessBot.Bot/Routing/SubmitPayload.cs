using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Routing;

/// <summary>The outcome of reading something people (or attackers) sent: a value, or what was wrong with it.</summary>
public readonly record struct Parsed<T>(T? Value, string? Problem)
{
    public bool IsValid => Problem is null;

    public static Parsed<T> Valid(T value) => new(value, null);

    public static Parsed<T> Invalid(string problem) => new(default, problem);
}

/// <summary>
/// The data of a card submit, with typed, bounded accessors. Submits are attacker-controlled JSON: any field may be
/// missing, huge, of the wrong type or forged, so verbs read fields only through these checks and never see the raw
/// JSON.
/// </summary>
public sealed class SubmitPayload
{
    public const int MaxVerbLength = 64;
    public const int MaxFields = 64;

    private readonly JObject _data;

    private SubmitPayload(string verb, JObject data)
    {
        Verb = verb;
        _data = data;
    }

    public string Verb { get; }

    /// <summary>Reads the envelope every KindnessBot card submit has: an object with a short "verb".</summary>
    public static Parsed<SubmitPayload> Read(JToken? value)
    {
        if (value is not JObject data)
        {
            return Parsed<SubmitPayload>.Invalid("the submit is not an object");
        }

        if (data.Count > MaxFields)
        {
            return Parsed<SubmitPayload>.Invalid("the submit has too many fields");
        }

        if (data["verb"] is not { Type: JTokenType.String } verbToken
            || (string?)verbToken is not { Length: > 0 and <= MaxVerbLength } verb
            || !verb.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
        {
            return Parsed<SubmitPayload>.Invalid("the submit has no valid verb");
        }

        return Parsed<SubmitPayload>.Valid(new SubmitPayload(verb, data));
    }

    /// <summary>A text field: trimmed, at most <paramref name="maxLength"/> characters, no control characters but new lines.</summary>
    public Parsed<string?> Text(string name, int maxLength, bool required)
    {
        var token = _data[name];
        if (token is null || token.Type == JTokenType.Null || (token.Type == JTokenType.String && string.IsNullOrWhiteSpace((string?)token)))
        {
            return required ? Parsed<string?>.Invalid($"{name} is required") : Parsed<string?>.Valid(null);
        }

        if (token.Type != JTokenType.String)
        {
            return Parsed<string?>.Invalid($"{name} must be text");
        }

        var text = ((string)token!).Trim();
        if (text.Length > maxLength)
        {
            return Parsed<string?>.Invalid($"{name} is longer than {maxLength} characters");
        }

        return text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            ? Parsed<string?>.Invalid($"{name} contains control characters")
            : Parsed<string?>.Valid(text);
    }
}
