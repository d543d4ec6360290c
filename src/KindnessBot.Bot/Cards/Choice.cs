namespace KindnessBot.Bot.Cards;

public sealed record Choice(string Title, string Value);
