namespace KindnessBot.Bot.Cards;

public sealed record InputChoiceSet(string Id, IReadOnlyList<Choice> Choices) : CardInput(Id)
{
    public bool? IsMultiSelect { get; init; }

    /// <summary>"compact" (a drop-down), "expanded" (radio buttons or ticks) or "filtered" (type to search).</summary>
    public string? Style { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}
