using KindnessBot.Bot.Http;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Conversations;

/// <summary>Reads what a Teams activity says about the conversation it arrived in (Bot Framework types stop here).</summary>
internal static class SightingReader
{
    public static ConversationSighting Read(Activity activity)
    {
        var data = ReadChannelData(activity);
        var kind = activity.Conversation.ConversationType switch
        {
            "channel" => ConversationKind.Channel,
            "groupChat" => ConversationKind.GroupChat,
            _ => ConversationKind.Personal,
        };
        var eventType = data?.EventType;
        var sightingEvent = ReadEvent(activity, eventType);

        // A channel message arrives in "19:…;messageid=…"; the channel itself is the part before ';'.
        var conversationId = kind == ConversationKind.Channel
            ? data?.Channel?.Id ?? activity.Conversation.Id.Split(';')[0]
            : activity.Conversation.Id;
        if (sightingEvent is SightingEvent.ChannelCreated or SightingEvent.ChannelRenamed or SightingEvent.ChannelDeleted && data?.Channel?.Id is { } affected)
        {
            conversationId = affected;
        }

        var record = new ConversationRecord
        {
            TenantId = ActivityGate.TenantId(activity)!,
            ConversationId = conversationId,
            Kind = kind,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            BotId = activity.Recipient.Id,
            BotName = DisplayName.Bound(activity.Recipient.Name),
            TeamId = data?.Team?.Id,
            TeamName = DisplayName.Bound(data?.Team?.Name),
            TeamAadGroupId = data?.Team?.AadGroupId is { Length: > 0 and <= 64 } group ? group : null,
            TeamsChannelId = kind == ConversationKind.Channel ? conversationId : null,
            TeamsChannelName = kind == ConversationKind.Channel ? DisplayName.Bound(data?.Channel?.Name) : null,
            UserId = kind == ConversationKind.Personal ? activity.From.Id : null,
            UserAadObjectId = kind == ConversationKind.Personal ? activity.From.AadObjectId : null,
            TimeZoneId = kind == ConversationKind.Personal ? ClientTimeZone(activity) : null,
        };
        return new ConversationSighting(sightingEvent, record, activity.From.Id);
    }

    /// <summary>The time zone the person's Teams client reports (localTimezone, or clientInfo's timezone), if it is one this machine knows.</summary>
    private static string? ClientTimeZone(Activity activity)
    {
        var zone = activity.LocalTimezone ?? activity.Entities?.FirstOrDefault(e => e.Type == "clientInfo")?.Properties?["timezone"]?.ToString();
        return zone is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : null;
    }

    /// <summary>
    /// People (not the bot) who joined or left a team, when the activity is a team's membership event; otherwise null.
    /// Guests' and other tenants' accounts arrive too: the index only answers "which teams is this id in".
    /// </summary>
    public static MembershipChange? MembershipChange(IConversationUpdateActivity activity)
    {
        var teamId = ReadChannelData((Activity)activity)?.Team?.Id;
        if (string.IsNullOrEmpty(teamId) || ActivityGate.TenantId((Activity)activity) is not { } tenantId)
        {
            return null;
        }

        var botId = activity.Recipient?.Id;
        List<string> People(IList<ChannelAccount>? accounts) =>
            [.. (accounts ?? []).Select(a => a?.Id).OfType<string>().Where(id => id.Length > 0 && id != botId).Distinct(StringComparer.Ordinal)];
        var (joined, left) = (People(activity.MembersAdded), People(activity.MembersRemoved));
        return joined.Count + left.Count == 0 ? null : new MembershipChange(tenantId, teamId, joined, left);
    }

    private static SightingEvent ReadEvent(Activity activity, string? eventType)
    {
        var botId = activity.Recipient.Id;
        if (activity.Type == ActivityTypes.InstallationUpdate)
        {
            return activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true ? SightingEvent.Uninstalled : SightingEvent.Installed;
        }

        if (activity.Type != ActivityTypes.ConversationUpdate)
        {
            return SightingEvent.Activity;
        }

        if (activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            return SightingEvent.Installed;
        }

        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            return SightingEvent.Uninstalled;
        }

        return eventType switch
        {
            "teamRenamed" => SightingEvent.TeamRenamed,
            "channelCreated" or "channelRestored" => SightingEvent.ChannelCreated,
            "channelRenamed" => SightingEvent.ChannelRenamed,
            "channelDeleted" => SightingEvent.ChannelDeleted,
            "teamDeleted" or "teamArchived" => SightingEvent.Uninstalled,
            _ => SightingEvent.Activity,
        };
    }

    private static TeamsChannelData? ReadChannelData(Activity activity)
    {
        try
        {
            return (activity.ChannelData as JObject)?.ToObject<TeamsChannelData>();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // The gate has checked the parts read here; other unexpected channelData is not ours to reject.
            return null;
        }
    }
}

/// <summary>Who joined and who left one team, by Teams id.</summary>
internal sealed record MembershipChange(string TenantId, string TeamId, IReadOnlyList<string> Joined, IReadOnlyList<string> Left);
