namespace KindnessBot.Bot.Cards;

public enum TextWeight { Lighter, Default, Bolder }
