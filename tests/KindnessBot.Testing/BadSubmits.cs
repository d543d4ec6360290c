using Newtonsoft.Json.Linq;

namespace KindnessBot.Testing;

/// <summary>The wrong values the generated bad-submit tests put into a card submit's fields.</summary>
public static class BadSubmits
{
    /// <summary>
    /// A value a field must not accept: null, a number, an array, an object, text far too long, control characters,
    /// a boolean, white space, or <paramref name="forged"/>: a plausible value the submitter has no right to (another
    /// team, a key that is not theirs, a date that does not exist).
    /// </summary>
    public static JToken Corrupt(Random random, Func<JToken> forged)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(forged);
        return random.Next(9) switch
        {
            0 => JValue.CreateNull(),
            1 => new JValue(random.Next(-5, 5) * 1_000_003),
            2 => new JArray("a", 1),
            3 => new JObject { ["nested"] = "x" },
            4 => new string('x', random.Next(1001, 12000)),
            5 => "x\u0000\u0001" + random.Next(),
            6 => forged(),
            7 => new JValue(true),
            _ => "   ",
        };
    }
}
