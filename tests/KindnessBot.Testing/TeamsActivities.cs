using Newtonsoft.Json.Linq;

namespace KindnessBot.Testing;

/// <summary>
/// Activities shaped as Teams sends them (checked against what the Agents Playground sends), as JSON so a test
/// can change or break any field.
/// </summary>
public sealed class TeamsActivities(Uri serviceUrl, string tenantId = "11111111-2222-3333-4444-555555555555")
{
    public const string BotId = "28:kindnessbot-app-id";
    public const string BotName = "KindnessBot";
    public const string TeamId = "19:team-general@thread.tacv2";
    public const string TeamName = "Care Team";
    public const string OtherChannelId = "19:announcements@thread.tacv2";
    public const string GroupChatId = "19:group-chat@thread.v2";

    public string TenantId => tenantId;

    public static string PersonalConversationId(string userId) => "a:personal-" + userId.Replace(":", "-", StringComparison.Ordinal);

    public JObject PersonalMessage(string text, string userId = "29:alex", string userName = "Alex Wilber") =>
        Message(text, Personal(userId), userId, userName, TenantData());

    public JObject ChannelMessage(string text, string userId = "29:alex", string userName = "Alex Wilber", bool mentionBot = true, string channelId = TeamId)
    {
        var activity = Message(mentionBot ? $"<at>{BotName}</at> {text}" : text, Channel(channelId), userId, userName, TeamData(channelId));
        if (mentionBot)
        {
            activity["entities"] = new JArray(Mention());
        }

        return activity;
    }

    public JObject GroupMessage(string text, string userId = "29:alex", string userName = "Alex Wilber")
    {
        var activity = Message($"<at>{BotName}</at> {text}", GroupChat(), userId, userName, TenantData());
        activity["entities"] = new JArray(Mention());
        return activity;
    }

    /// <summary>An Action.Submit press: a message whose value is the button's data.</summary>
    public JObject PersonalSubmit(JToken value, string userId = "29:alex")
    {
        var activity = PersonalMessage(string.Empty, userId);
        activity.Remove("text");
        activity["value"] = value;
        return activity;
    }

    public JObject ChannelSubmit(JToken value, string userId = "29:alex")
    {
        var activity = ChannelMessage(string.Empty, userId, mentionBot: false);
        activity.Remove("text");
        activity["value"] = value;
        return activity;
    }

    /// <summary>A Teams dialog invoke (task/fetch from a button that opens one, task/submit from the dialog's form) in the team channel.</summary>
    public JObject ChannelDialogInvoke(string name, JObject data, string userId = "29:alex")
    {
        var activity = ChannelMessage(string.Empty, userId, mentionBot: false);
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = name;
        activity["value"] = new JObject { ["data"] = data, ["context"] = new JObject { ["theme"] = "default" } };
        return activity;
    }

    /// <summary>An Action.Execute press.</summary>
    public JObject PersonalExecute(string verb, JObject? data = null, string userId = "29:alex")
    {
        var activity = Base("invoke", Personal(userId), userId, "Alex Wilber", TenantData());
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? [] } };
        return activity;
    }

    public JObject BotAddedToPersonal(string userId = "29:alex") =>
        MembersChanged(Personal(userId), userId, TenantData(), added: true);

    public JObject BotRemovedFromPersonal(string userId = "29:alex") =>
        MembersChanged(Personal(userId), userId, TenantData(), added: false);

    public JObject BotAddedToGroupChat(string installerId = "29:alex") =>
        MembersChanged(GroupChat(), installerId, TenantData(), added: true);

    /// <summary>People (not the bot) joining or leaving the team, as Teams tells an installed bot.</summary>
    public JObject TeamMembersChanged(bool added, params string[] userIds)
    {
        var activity = Base("conversationUpdate", Channel(TeamId), "29:lead", "Lee Lead", TeamData(TeamId, added ? "teamMemberAdded" : "teamMemberRemoved"));
        activity[added ? "membersAdded" : "membersRemoved"] = new JArray(userIds.Select(id => new JObject { ["id"] = id, ["aadObjectId"] = AadObjectId(id) }));
        return activity;
    }

    public JObject BotAddedToTeam(string installerId = "29:lead") =>
        MembersChanged(Channel(TeamId), installerId, TeamData(TeamId, "teamMemberAdded"), added: true);

    public JObject BotRemovedFromTeam(string userId = "29:lead") =>
        MembersChanged(Channel(TeamId), userId, TeamData(TeamId, "teamMemberRemoved"), added: false);

    public JObject InstallationUpdate(string action, JObject conversation, string userId = "29:alex")
    {
        var activity = Base("installationUpdate", conversation, userId, "Alex Wilber", (string?)conversation["conversationType"] == "channel" ? TeamData(TeamId) : TenantData());
        activity["action"] = action;
        return activity;
    }

    public JObject TeamRenamed(string newName) =>
        Base("conversationUpdate", Channel(TeamId), "29:lead", "Lee Lead", TeamData(TeamId, "teamRenamed", teamName: newName));

    public JObject ChannelEvent(string eventType, string channelId, string channelName, string teamName = TeamName)
    {
        var data = TeamData(channelId, eventType, teamName);
        data["channel"] = new JObject { ["id"] = channelId, ["name"] = channelName };
        return Base("conversationUpdate", Channel(TeamId), "29:lead", "Lee Lead", data);
    }

    public JObject GroupChat() =>
        new() { ["id"] = GroupChatId, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = tenantId };

    public JObject Personal(string userId) =>
        new() { ["id"] = PersonalConversationId(userId), ["conversationType"] = "personal", ["tenantId"] = tenantId };

    public JObject Channel(string channelId) =>
        new() { ["id"] = channelId + ";messageid=1700000000000", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = tenantId };

    /// <summary>A person's Entra object id: the same for the same person, as in Teams.</summary>
    public static string AadObjectId(string userId) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)).AsSpan(0, 16)).ToString();

    private JObject Message(string text, JObject conversation, string userId, string userName, JObject channelData)
    {
        var activity = Base("message", conversation, userId, userName, channelData);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    private JObject MembersChanged(JObject conversation, string userId, JObject channelData, bool added)
    {
        var activity = Base("conversationUpdate", conversation, userId, "Alex Wilber", channelData);
        activity[added ? "membersAdded" : "membersRemoved"] = new JArray(new JObject { ["id"] = BotId });
        return activity;
    }

    private JObject Base(string type, JObject conversation, string userId, string userName, JObject channelData) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["localTimezone"] = "Europe/London",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JObject { ["id"] = userId, ["name"] = userName, ["aadObjectId"] = AadObjectId(userId) },
        ["conversation"] = conversation,
        ["recipient"] = new JObject { ["id"] = BotId, ["name"] = BotName },
        ["locale"] = "en-GB",
        ["channelData"] = channelData,
    };

    private static JObject Mention() => new()
    {
        ["type"] = "mention",
        ["mentioned"] = new JObject { ["id"] = BotId, ["name"] = BotName },
        ["text"] = $"<at>{BotName}</at>",
    };

    private JObject TenantData() => new() { ["tenant"] = new JObject { ["id"] = tenantId } };

    private JObject TeamData(string channelId, string? eventType = null, string teamName = TeamName)
    {
        var data = new JObject
        {
            ["tenant"] = new JObject { ["id"] = tenantId },
            ["team"] = new JObject { ["id"] = TeamId, ["name"] = teamName },
            ["channel"] = new JObject { ["id"] = channelId },
        };
        if (eventType is not null)
        {
            data["eventType"] = eventType;
        }

        return data;
    }
}
