namespace KindnessBot.Bot.Cards;

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge }
