namespace KindnessBot.Bot.Cards;

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;
