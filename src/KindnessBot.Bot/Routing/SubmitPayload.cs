using KindnessBot.Core.Commitments;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Routing;

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

    /// <summary>Whether the submit has the field at all (a JSON null counts as there).</summary>
    public bool Has(string name) => _data[name] is not null;

    /// <summary>A yes/no field: true or false, as JSON or as the strings an Input.Toggle sends; missing means <paramref name="absent"/>.</summary>
    public Parsed<bool> Flag(string name, bool absent)
    {
        var token = _data[name];
        return token?.Type switch
        {
            null or JTokenType.Null => Parsed<bool>.Valid(absent),
            JTokenType.Boolean => Parsed<bool>.Valid((bool)token),
            JTokenType.String when (string?)token is "true" => Parsed<bool>.Valid(true),
            JTokenType.String when (string?)token is "false" => Parsed<bool>.Valid(false),
            _ => Parsed<bool>.Invalid($"{name} must be true or false"),
        };
    }

    /// <summary>A whole number in a range, as JSON or as a string (ChoiceSet values are strings).</summary>
    public Parsed<int> Number(string name, int min, int max)
    {
        var token = _data[name];
        int? value = token?.Type switch
        {
            JTokenType.Integer when (long)token >= int.MinValue && (long)token <= int.MaxValue => (int)(long)token,
            JTokenType.String when int.TryParse((string?)token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return value is { } number && number >= min && number <= max
            ? Parsed<int>.Valid(number)
            : Parsed<int>.Invalid($"{name} must be a whole number from {min} to {max}");
    }

    /// <summary>An id: required, at most 256 characters, no control characters or white space.</summary>
    public Parsed<string> Id(string name)
    {
        var text = Text(name, 256, required: true);
        return !text.IsValid ? Parsed<string>.Invalid(text.Problem!)
            : text.Value!.Any(char.IsWhiteSpace) ? Parsed<string>.Invalid($"{name} is not an id")
            : Parsed<string>.Valid(text.Value!);
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

    /// <summary>
    /// A required text field that cards made before it was renamed carry as <paramref name="formerName"/>: the name
    /// first, the former name only when the name is missing (a card posted in Teams keeps its buttons for months).
    /// </summary>
    public Parsed<string?> RenamedText(string name, string formerName, int maxLength)
    {
        var token = _data[name];
        return token is null || token.Type == JTokenType.Null ? Text(formerName, maxLength, required: true) : Text(name, maxLength, required: true);
    }

    /// <summary>
    /// Commitments by name, comma-separated, as a multi-select choice set sends them: each one of the six, at most six;
    /// missing or empty is an empty list, or a problem when <paramref name="required"/>.
    /// </summary>
    public Parsed<IReadOnlyList<Commitment>> Commitments(string name, bool required)
    {
        var text = Text(name, 200, required);
        if (!text.IsValid)
        {
            return Parsed<IReadOnlyList<Commitment>>.Invalid(text.Problem!);
        }

        var names = (text.Value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var known = Enum.GetNames<Commitment>();
        return (required && names.Length == 0) || names.Length > known.Length || names.Any(n => !known.Contains(n, StringComparer.Ordinal))
            ? Parsed<IReadOnlyList<Commitment>>.Invalid($"{name} must name the six commitments")
            : Parsed<IReadOnlyList<Commitment>>.Valid([.. names.Select(Enum.Parse<Commitment>)]);
    }
}
