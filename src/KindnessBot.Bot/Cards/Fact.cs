namespace KindnessBot.Bot.Cards;

public sealed record Fact(string Title, string Value);
