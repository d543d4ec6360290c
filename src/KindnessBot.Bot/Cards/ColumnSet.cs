namespace KindnessBot.Bot.Cards;

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;
