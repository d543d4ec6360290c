using System.Text.Json;
using System.Text.Json.Serialization;

namespace KindnessBot.Bot.Cards;

public enum TextWeight { Lighter, Default, Bolder }
