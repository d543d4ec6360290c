namespace KindnessBot.Bot.Cards;

public sealed record InputText(string Id) : CardInput(Id)
{
    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Value { get; init; }
}
