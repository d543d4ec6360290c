namespace KindnessBot.Bot.Cards;

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }
