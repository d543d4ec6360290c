namespace KindnessBot.Bot.Cards;

/// <summary>An Input.Time, whose value is HH:mm.</summary>
public sealed record InputTime(string Id) : CardInput(Id)
{
    public string? Value { get; init; }
}
