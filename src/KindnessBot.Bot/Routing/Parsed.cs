namespace KindnessBot.Bot.Routing;

/// <summary>The outcome of reading something people (or attackers) sent: a value, or what was wrong with it.</summary>
public readonly record struct Parsed<T>(T? Value, string? Problem)
{
    public bool IsValid => Problem is null;

    public static Parsed<T> Valid(T value) => new(value, null);

    public static Parsed<T> Invalid(string problem) => new(default, problem);
}
