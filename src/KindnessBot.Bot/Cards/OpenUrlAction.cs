using System.Text.Json;
using System.Text.Json.Serialization;

namespace KindnessBot.Bot.Cards;

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);
