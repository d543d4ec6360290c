namespace KindnessBot.Bot.Cards;

public abstract record CardInput(string Id) : CardElement
{
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}
