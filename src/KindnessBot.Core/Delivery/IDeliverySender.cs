using KindnessBot.Core.Conversations;

namespace KindnessBot.Core.Delivery;

/// <summary>
/// The edge that posts to Teams (the bot implements it with the Bot Framework connector). It renders each message
/// from its payload with its feature's renderer, at send time, and posts them as one message (several only for a
/// digest of nudges). It turns HTTP failures into outcomes and never retries: the worker does, within the fleet's limits.
/// </summary>
public interface IDeliverySender
{
    Task<DeliveryAttempt> SendAsync(ConversationRecord conversation, IReadOnlyList<OutboxEntry> messages, CancellationToken cancellationToken);
}

/// <summary>
/// What a send did. <see cref="Outcome"/> is for the messages that were posted; those a renderer no longer wanted are in
/// <see cref="Dropped"/> (key → reason), and those whose cause is not stored yet in <see cref="NotYet"/>.
/// </summary>
public sealed record DeliveryAttempt(SendOutcome Outcome)
{
    public IReadOnlyDictionary<string, string> Dropped { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlySet<string> NotYet { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>A feature's reaction to what became of its messages (a statement keeps its card's activity id; a failed prompt is reported).</summary>
public interface IDeliveryReaction
{
    /// <summary>The kinds of message this reaction is for.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    Task DeliveredAsync(OutboxEntry entry, string? activityId, CancellationToken cancellationToken);

    /// <summary>The message could not be delivered (bot removed, person left, attempts used up), or was dropped (expired, no longer wanted).</summary>
    Task NotDeliveredAsync(OutboxEntry entry, DeliveryState state, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// Installs the app for someone who never opened it (Microsoft Graph; the bot implements it where the deployment allows
/// it). Teams then opens the person's chat with the bot and tells the bot (an installation update), which wakes what was
/// parked for them. False when it could not be installed.
/// </summary>
public interface IAppInstaller
{
    Task<bool> InstallForAsync(string tenantId, string teamsUserId, string aadObjectId, CancellationToken cancellationToken);
}

/// <summary>The installer of a deployment that does not install the app for people: messages for them wait until they talk to the bot.</summary>
public sealed class NoAppInstaller : IAppInstaller
{
    public Task<bool> InstallForAsync(string tenantId, string teamsUserId, string aadObjectId, CancellationToken cancellationToken) => Task.FromResult(false);
}
