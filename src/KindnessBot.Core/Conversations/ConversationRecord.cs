namespace KindnessBot.Core.Conversations;

/// <summary>
/// Everything needed to reach a conversation proactively later: a personal chat, a group chat or a team
/// channel the bot has been added to.
/// </summary>
public sealed record ConversationRecord
{
    public required string TenantId { get; init; }

    /// <summary>The Teams conversation id; for a channel, the channel id without any ";messageid=".</summary>
    public required string ConversationId { get; init; }

    public required ConversationKind Kind { get; init; }

    public required string ServiceUrl { get; init; }

    /// <summary>The Bot Framework channel ("msteams").</summary>
    public required string ChannelId { get; init; }

    public required string BotId { get; init; }

    public string? BotName { get; init; }

    public string? TeamId { get; init; }

    /// <summary>
    /// What features keep things under: the team for a channel (every channel of a team shares it), otherwise the
    /// conversation itself (a group chat, a personal chat).
    /// </summary>
    public string ScopeId => TeamId ?? ConversationId;

    public string? TeamName { get; init; }

    /// <summary>For a team, the Entra id of its Microsoft 365 group (Teams sends it), so its owners can be asked.</summary>
    public string? TeamAadGroupId { get; init; }

    /// <summary>For a channel, the Teams channel id (the same as the conversation id).</summary>
    public string? TeamsChannelId { get; init; }

    public string? TeamsChannelName { get; init; }

    /// <summary>For a personal chat, the person's Teams user id.</summary>
    public string? UserId { get; init; }

    public string? UserAadObjectId { get; init; }

    /// <summary>For a personal chat, the person's IANA time zone as their Teams client last reported it (quiet hours are kept in it).</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>Who caused the install, for the record only: it confers nothing (leaders are in the TeamLeaders table).</summary>
    public string? InstalledBy { get; init; }

    public DateTimeOffset? InstalledAt { get; init; }

    public DateTimeOffset LastSeenAt { get; init; }

    public bool IsRemoved { get; init; }

    public DateTimeOffset? RemovedAt { get; init; }
}
