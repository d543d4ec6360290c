namespace KindnessBot.Bot.Cards;

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);
