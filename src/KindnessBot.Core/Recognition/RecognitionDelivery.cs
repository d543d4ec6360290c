using System.Text.Json;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Core.Recognition;

/// <summary>
/// Recognition's messages on the delivery path, and what each needs to find its recognition again when it is sent
/// (so what is shown is current: a consent request already answered, or a celebration of one kept private, is dropped).
/// </summary>
public static class RecognitionDelivery
{
    /// <summary>The recipient is asked, privately, whether their team may see it.</summary>
    public const string Consent = "recognition.consent";

    /// <summary>A shared recognition celebrated in the team channel.</summary>
    public const string Celebration = "recognition.celebration";

    /// <summary>The giver hears what the recipient decided.</summary>
    public const string Outcome = "recognition.outcome";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Keyed by the giver's card, so it can be recorded before the recognition exists, and a resubmit of the card changes nothing.</summary>
    public static DeliveryRequest ConsentRequest(string tenantId, string giverId, string cardId, string recipientId, string? recipientAadObjectId) =>
        new(tenantId, $"consent|{giverId}|{cardId}", Consent, Recipient.Person(recipientId), Write(new Ref(recipientId, GiverId: giverId, CardId: cardId)))
        {
            Nudge = true,
            AadObjectId = recipientAadObjectId,
        };

    public static DeliveryRequest CelebrationRequest(Recognition recognition, string channelId)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        return new(recognition.TenantId, $"celebrate|{recognition.RecipientId}|{recognition.Key}", Celebration, Recipient.Conversation(channelId), Write(new Ref(recognition.RecipientId, Key: recognition.Key)));
    }

    public static DeliveryRequest OutcomeRequest(Recognition recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        return new(recognition.TenantId, $"outcome|{recognition.RecipientId}|{recognition.Key}", Outcome, Recipient.Person(recognition.GiverId), Write(new Ref(recognition.RecipientId, Key: recognition.Key)))
        {
            Nudge = true,
        };
    }

    /// <summary>The recognition a message is about, as stored now; null when it is not (yet) stored.</summary>
    public static async Task<Recognition?> FindAsync(IRecognitionStore store, OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(entry);
        var at = Read(entry.Request.Payload);
        return at switch
        {
            { Key: { Length: > 0 } key } => await store.FindReceivedAsync(entry.TenantId, at.RecipientId, key, cancellationToken),
            { GiverId: { Length: > 0 } giver, CardId: { Length: > 0 } card } => await store.FindByCardAsync(entry.TenantId, giver, card, at.RecipientId, cancellationToken),
            _ => null,
        };
    }

    private static string Write(Ref at) => JsonSerializer.Serialize(at, Json);

    private static Ref? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Ref>(payload, Json) is { RecipientId.Length: > 0 } at ? at : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Ref(string RecipientId, string? Key = null, string? GiverId = null, string? CardId = null);
}
