using System.Text.Json;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// The follow-up's messages on the delivery path, one per person and prompt (by key, so a repeated sweep sends nothing
/// twice): a leader's summary of a closed prompt, and the report of a prompt that could not be posted. Both are
/// nudges; a summary nobody could read for a fortnight is dropped (it can still be asked for with "reflection").
/// </summary>
public static class FollowUpDelivery
{
    public const string Summary = "reflection.summary";
    public const string Failure = "reflection.failure";

    public static readonly TimeSpan SummaryKeptFor = TimeSpan.FromDays(14);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DeliveryRequest SummaryRequest(PromptMessage prompt, string personId)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new(prompt.TenantId, $"summary|{prompt.TeamId}|{prompt.Week}|{personId}", Summary, Recipient.Person(personId), JsonSerializer.Serialize(new Payload(prompt, null), Json))
        {
            Nudge = true,
            ExpiresAt = prompt.ClosesAt + SummaryKeptFor,
        };
    }

    public static DeliveryRequest FailureRequest(PromptMessage prompt, string? reason, string personId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new(prompt.TenantId, $"failure|{prompt.TeamId}|{prompt.Week}|{personId}", Failure, Recipient.Person(personId), JsonSerializer.Serialize(new Payload(prompt, reason), Json))
        {
            Nudge = true,
            ExpiresAt = now + SummaryKeptFor,
        };
    }

    /// <summary>The prompt a follow-up message is about, and the failure's reason.</summary>
    public static (PromptMessage? Prompt, string? Reason) Read(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            return JsonSerializer.Deserialize<Payload>(entry.Request.Payload, Json) is { Prompt: { } prompt } read ? (prompt, read.Reason) : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private sealed record Payload(PromptMessage Prompt, string? Reason);
}
