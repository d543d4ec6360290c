using System.Text.Json;

namespace KindnessBot.Core.Delivery;

/// <summary>Reading a feature's payload back from the outbox: null for anything that is not one, never an exception.</summary>
public static class DeliveryPayload
{
    public static T? Read<T>(string? json, Func<T, bool> valid)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(valid);
        try
        {
            return json is not null && JsonSerializer.Deserialize<T>(json) is { } read && valid(read) ? read : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
