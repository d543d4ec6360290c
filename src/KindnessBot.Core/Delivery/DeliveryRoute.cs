using KindnessBot.Core.Conversations;
using KindnessBot.Core.Privacy;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Delivery;

/// <summary>
/// Where a message goes: its conversation, or the person's own chat with the bot. Someone who never opened the bot has
/// no chat: the message is parked until they first talk to it, and where the deployment allows it the app is installed
/// for them (<see cref="IAppInstaller"/>), after which Teams opens their chat and the bot wakes what was parked.
/// A sealed address is opened here, in memory, only to find the chat: it is never parked (a parked row would wait
/// under the person) and never installs the app (that would name them to Graph).
/// </summary>
public sealed partial class DeliveryRoute(IConversationStore conversations, IAppInstaller installer, DeliveryOptions options, ILogger<DeliveryRoute> logger, PrivacyKeys? keys = null)
{
    public async Task<RouteResult> FindAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var to = entry.Request.To;
        if (to.Kind == RecipientKind.Conversation)
        {
            return await conversations.FindAsync(entry.TenantId, to.Id, cancellationToken) is { IsRemoved: false } found
                ? new RouteResult(found, false, null)
                : new RouteResult(null, false, "KindnessBot is no longer in that channel or chat.");
        }

        if (to.Kind == RecipientKind.Sealed)
        {
            return keys?.Addresses.Open(entry.TenantId, to.Id) is { } person
                && await conversations.FindPersonalAsync(entry.TenantId, person, cancellationToken) is { IsRemoved: false } own
                ? new RouteResult(own, false, null)
                : new RouteResult(null, false, "The person's chat with KindnessBot could not be found.");
        }

        if (await conversations.FindPersonalAsync(entry.TenantId, to.Id, cancellationToken) is { IsRemoved: false } chat)
        {
            return new RouteResult(chat, false, null);
        }

        if (options.InstallForPeople && entry.Request.AadObjectId is { Length: > 0 } aad)
        {
            try
            {
                if (await installer.InstallForAsync(entry.TenantId, to.Id, aad, cancellationToken))
                {
                    return new RouteResult(null, true, "KindnessBot was installed for them; waiting for Teams to open the chat.");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
            {
                LogInstallFailed(logger, ex);
            }
        }

        return new RouteResult(null, true, "Waiting for the person's first conversation with KindnessBot.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Installing KindnessBot for someone who has not opened it failed; their message waits until they talk to the bot")]
    private static partial void LogInstallFailed(ILogger logger, Exception exception);
}

/// <summary>Where a message goes, or why it cannot go now (<see cref="Park"/>: it waits for the person) or ever.</summary>
public sealed record RouteResult(ConversationRecord? Conversation, bool Park, string? Reason);
