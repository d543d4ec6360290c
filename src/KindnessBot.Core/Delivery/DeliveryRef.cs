using System.Text.Json;

namespace KindnessBot.Core.Delivery;

/// <summary>
/// A queue message: only where the message's row is (tenant, recipient, key), never its content, so the queues hold
/// nothing about anyone beyond the ids the row holds.
/// </summary>
public sealed record DeliveryRef(string TenantId, RecipientKind To, string Recipient, string Key)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a queue message; null for anything that is not ours (it goes to the poison queue).</summary>
    public static DeliveryRef? FromJson(string json)
    {
        try
        {
            var read = JsonSerializer.Deserialize<DeliveryRef>(json, Json);
            return read is { TenantId.Length: > 0, Recipient.Length: > 0, Key.Length: > 0 } && Enum.IsDefined(read.To) ? read : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static DeliveryRef Of(DeliveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new DeliveryRef(request.TenantId, request.To.Kind, request.To.Id, request.Key);
    }
}
