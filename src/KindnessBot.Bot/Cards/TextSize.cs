namespace KindnessBot.Bot.Cards;

public enum TextSize { Small, Default, Medium, Large, ExtraLarge }
