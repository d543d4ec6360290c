using System.Text.Json;
using System.Text.Json.Serialization;

namespace KindnessBot.Bot.Cards;

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge }
