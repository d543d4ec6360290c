using System.Text.Json;
using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// One team's prompt for one week: what the scheduler puts on the queue and a worker sends. (TenantId, TeamId,
/// Week) identify it everywhere: the slot claim, the sent activity id, and the answers.
/// </summary>
public sealed record PromptMessage(
    string TenantId,
    string TeamId,
    string Week,
    string ConversationId,
    Commitment Commitment,
    string QuestionKey,
    DateTimeOffset Due,
    DateTimeOffset ClosesAt,
    string? TimeZoneId = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string QuestionText => QuestionBank.Find(QuestionKey)?.Text ?? throw new InvalidOperationException("Unknown question " + QuestionKey);

    /// <summary>An instant as the team's clock shows it (UTC when the zone is unknown).</summary>
    public DateTime Local(DateTimeOffset instant) =>
        ReflectionCalendar.TryFindZone(TimeZoneId, out var zone) ? TimeZoneInfo.ConvertTime(instant, zone).DateTime : instant.UtcDateTime;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a queue message; null for anything that is not a prompt (it goes to the poison queue).</summary>
    public static PromptMessage? FromJson(string json)
    {
        try
        {
            var message = JsonSerializer.Deserialize<PromptMessage>(json, Json);
            return message is { TenantId.Length: > 0, TeamId.Length: > 0, Week.Length: > 0, ConversationId.Length: > 0 } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static PromptMessage For(ReflectionSchedule schedule, PromptSlot slot)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(slot);
        var question = QuestionBank.Pick(schedule, slot);
        return new PromptMessage(schedule.TenantId, schedule.TeamId, slot.Week, schedule.ConversationId, question.Commitment, question.Key, slot.Due, slot.Due + schedule.OpenFor, schedule.TimeZoneId);
    }
}
