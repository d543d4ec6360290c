namespace KindnessBot.Bot.Cards;

public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);
