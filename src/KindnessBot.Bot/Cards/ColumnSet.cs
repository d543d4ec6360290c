using System.Text.Json;
using System.Text.Json.Serialization;

namespace KindnessBot.Bot.Cards;

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;
