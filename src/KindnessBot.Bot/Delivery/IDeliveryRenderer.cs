using KindnessBot.Bot.Cards;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Bot.Delivery;

/// <summary>
/// A feature's cards for its messages on the delivery path, made when the message is sent from what is stored then:
/// the cards, or why the message is no longer wanted, or that what it announces is not stored yet.
/// </summary>
public interface IDeliveryRenderer
{
    /// <summary>The kinds of message it renders, each with the label of its opt-out on the settings card (null: not one people turn off).</summary>
    IReadOnlyDictionary<string, string?> Kinds { get; }

    Task<Rendered> RenderAsync(OutboxEntry entry, ConversationRecord conversation, CancellationToken cancellationToken);
}

/// <summary>What a renderer made of a message.</summary>
public sealed record Rendered(IReadOnlyList<CardMessage> Cards, string? DropReason = null, bool NotYet = false)
{
    public static Rendered Show(params CardMessage[] cards) => new(cards);

    public static Rendered Drop(string reason) => new([], reason);

    /// <summary>What it announces is not stored yet (the change is recorded after the message): try again shortly.</summary>
    public static Rendered Wait { get; } = new([], null, true);
}
