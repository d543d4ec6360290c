using System.Text.Json;
using System.Text.Json.Serialization;

namespace KindnessBot.Bot.Cards;

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }
