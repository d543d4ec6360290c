using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Http;

/// <summary>
/// Checks, before the SDK sees it, that an activity has the shape every later step relies on. The SDK turns
/// many malformed activities into exceptions (HTTP 500); here they become a 400 that names the problem.
/// </summary>
internal static class ActivityGate
{
    public const int MaxIdLength = 256;
    public const int MaxNameLength = 256;

    /// <summary>Activity types the bot acts on; any other type is acknowledged and ignored.</summary>
    public static bool IsHandledType(string type) =>
        type is ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke;

    /// <summary>Null when the activity can be processed; otherwise what is wrong with it.</summary>
    public static string? Problem(Activity activity)
    {
        if (!IsPlainText(activity.Type, 64))
        {
            return "type is missing or not a short plain string";
        }

        if (!IsPlainText(activity.ChannelId, 64))
        {
            return "channelId is missing or malformed";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp)
            || activity.ServiceUrl.Length > 2048)
        {
            return "serviceUrl must be an absolute http(s) address";
        }

        if (!IsId(activity.Conversation?.Id))
        {
            return "conversation.id is missing or malformed";
        }

        if (!IsId(activity.From?.Id) || !IsOptionalName(activity.From?.Name))
        {
            return "from is missing or malformed";
        }

        if (!IsId(activity.Recipient?.Id) || !IsOptionalName(activity.Recipient?.Name))
        {
            return "recipient is missing or malformed";
        }

        if (activity.Id is { } id && !IsId(id))
        {
            return "id is malformed";
        }

        if (activity.ReplyToId is { } replyTo && !IsId(replyTo))
        {
            return "replyToId is malformed";
        }

        if (activity.Conversation!.ConversationType is { } kind && kind is not ("personal" or "groupChat" or "channel"))
        {
            return "conversation.conversationType is not one Teams uses";
        }

        return ChannelDataProblem(activity.ChannelData)
            ?? (IsId(TenantId(activity)) ? null : "the tenant id (conversation.tenantId or channelData.tenant.id) is missing or malformed")
            ?? MembersProblem(activity)
            ?? EntitiesProblem(activity);
    }

    /// <summary>The Microsoft Entra tenant the activity comes from. Call only after <see cref="Problem"/> passed.</summary>
    public static string? TenantId(Activity activity) =>
        activity.Conversation?.TenantId is { Length: > 0 } tenant
            ? tenant
            : (activity.ChannelData as JObject)?["tenant"]?["id"]?.Type == JTokenType.String
                ? (string?)((JObject)activity.ChannelData)["tenant"]!["id"]
                : null;

    public static bool IsId(string? value) => IsPlainText(value, MaxIdLength);

    private static bool IsOptionalName(string? value) => value is null || (value.Length <= MaxNameLength && !value.Any(char.IsControl));

    private static bool IsPlainText(string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !value.Any(char.IsControl);

    private static string? ChannelDataProblem(object? channelData)
    {
        if (channelData is null)
        {
            return null;
        }

        if (channelData is not JObject data)
        {
            return "channelData must be an object";
        }

        foreach (var part in new[] { "tenant", "team", "channel" })
        {
            var token = data[part];
            if (token is null || token.Type == JTokenType.Null)
            {
                continue;
            }

            if (token is not JObject section
                || (section["id"] is { } idToken && (idToken.Type != JTokenType.String || !IsId((string?)idToken)))
                || (section["name"] is { } nameToken && nameToken.Type != JTokenType.Null && (nameToken.Type != JTokenType.String || !IsOptionalName((string?)nameToken))))
            {
                return $"channelData.{part} is malformed";
            }
        }

        if (data["eventType"] is { } eventType && eventType.Type != JTokenType.Null && (eventType.Type != JTokenType.String || !IsPlainText((string?)eventType, 64)))
        {
            return "channelData.eventType is malformed";
        }

        return null;
    }

    private static string? MembersProblem(Activity activity)
    {
        foreach (var member in (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []))
        {
            if (member is null || !IsId(member.Id))
            {
                return "a member added or removed has no valid id";
            }
        }

        return null;
    }

    private static string? EntitiesProblem(Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity is null || !IsPlainText(entity.Type, 64))
            {
                return "an entity has no type";
            }
        }

        return null;
    }
}
