namespace KindnessBot.Bot.Cards;

/// <summary>An Input.Date, whose value is yyyy-MM-dd.</summary>
public sealed record InputDate(string Id) : CardInput(Id)
{
    public string? Value { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }
}
