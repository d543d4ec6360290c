namespace KindnessBot.Bot.Cards;

public sealed record InputToggle(string Id, string Title) : CardInput(Id)
{
    public string? Value { get; init; }

    public string ValueOn { get; init; } = "true";

    public string ValueOff { get; init; } = "false";
}
