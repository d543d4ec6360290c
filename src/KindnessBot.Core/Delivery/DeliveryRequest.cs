namespace KindnessBot.Core.Delivery;

/// <summary>
/// What a feature asks the delivery path to deliver. <see cref="Key"/> is the feature's own idempotency key (for example
/// <c>consent|{giver}|{card}</c>): asking twice with one key delivers once. <see cref="Payload"/> is the feature's
/// own (small) description of the message; its renderer turns it into a card when the message is sent, so what is
/// shown is current, and a message whose cause is gone (decided meanwhile, revoked) is dropped.
/// </summary>
public sealed record DeliveryRequest(string TenantId, string Key, string Kind, Recipient To, string Payload)
{
    public const int MaxKeyLength = 300;
    public const int MaxPayloadLength = 16_000;

    /// <summary>
    /// An unsolicited personal message (a reminder, news of something someone else did): it waits for the end of the
    /// person's quiet hours and their pause, counts against their day, and is dropped if they opted out of its kind.
    /// </summary>
    public bool Nudge { get; init; }

    /// <summary>Part of a wave (a tenant's weekly prompts): queued apart, so single messages never wait behind it.</summary>
    public bool Wave { get; init; }

    /// <summary>After this the message is no longer worth sending (a reminder for a statement that has expired): dropped, never delivered late.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The recipient's Entra object id, when known: what installing the app for them needs.</summary>
    public string? AadObjectId { get; init; }
}

/// <summary>
/// Who a message is for: a conversation the bot is in (a channel, a group chat), a person, reached in their own chat
/// with the bot, or a person who acted anonymously, known only by a sealed address (<see cref="Privacy.SealedAddress"/>)
/// that the delivery path opens at the moment of sending.
/// </summary>
public sealed record Recipient(RecipientKind Kind, string Id)
{
    public static Recipient Conversation(string conversationId) => new(RecipientKind.Conversation, conversationId);

    public static Recipient Person(string teamsUserId) => new(RecipientKind.Person, teamsUserId);

    public static Recipient Sealed(string sealedAddress) => new(RecipientKind.Sealed, sealedAddress);
}

public enum RecipientKind
{
    Conversation,
    Person,
    Sealed,
}
