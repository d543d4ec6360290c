using System.Runtime.ExceptionServices;
using System.Security.Claims;
using KindnessBot.Bot.Extensions;
using KindnessBot.Bot.Http;
using KindnessBot.Core.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Conversations;

/// <summary>Reaches a stored conversation without being asked: proactive messages and connector calls such as rosters.</summary>
internal sealed partial class ProactiveSender(KindnessAdapter adapter, BotFrameworkAuthentication authentication, IOptions<BotCredentialsOptions> credentials, ILogger<ProactiveSender> logger)
{
    private string AppId => credentials.Value.MicrosoftAppId ?? string.Empty;

    /// <summary>Posts an activity in the conversation (a new post, in a channel) and returns its id. Throws what Teams answered if it refused.</summary>
    public async Task<string?> SendAsync(ConversationRecord conversation, IActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        string? id = null;
        await ContinueAsync(conversation, async (turn, ct) => id = (await turn.SendActivityAsync(activity, ct))?.Id, cancellationToken);
        return id;
    }

    /// <summary>Replaces an activity the bot posted earlier (a card updated in place).</summary>
    public async Task UpdateAsync(ConversationRecord conversation, string activityId, IActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = activityId;
        await ContinueAsync(conversation, async (turn, ct) => await turn.UpdateActivityAsync(activity, ct), cancellationToken);
    }

    /// <summary>
    /// Replaces a card as a courtesy, where what it shows is stored already (a count, a state): if Teams refuses, the
    /// refusal is logged and the next change updates the card again. False when refused.
    /// </summary>
    public async Task<bool> TryUpdateAsync(ConversationRecord conversation, string activityId, IActivity activity, CancellationToken cancellationToken)
    {
        try
        {
            await UpdateAsync(conversation, activityId, activity, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is ErrorResponseException or HttpRequestException)
        {
            LogUpdateRefused(logger, ex);
            return false;
        }
    }

    /// <summary>
    /// Runs a proactive turn and lets its failure reach the caller. The adapter's OnTurnError would otherwise take the
    /// exception (and try to post an error card into the conversation), so a refused post would look sent.
    /// </summary>
    private async Task ContinueAsync(ConversationRecord conversation, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo? failure = null;
        await adapter.ContinueConversationAsync(
            AppId,
            Reference(conversation),
            async (turn, ct) =>
            {
                try
                {
                    await callback(turn, ct);
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            },
            cancellationToken);
        failure?.Throw();
    }

    /// <summary>A connector client for the conversation's service address, for roster and similar calls.</summary>
    public async Task<IConnectorClient> ConnectorAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var identity = new ClaimsIdentity(
        [
            new Claim(AuthenticationConstants.AudienceClaim, AppId),
            new Claim(AuthenticationConstants.AppIdClaim, AppId),
        ]);
        var factory = authentication.CreateConnectorFactory(identity);
        return await factory.CreateAsync(conversation.ServiceUrl, authentication.GetOriginatingAudience(), cancellationToken);
    }

    private static ConversationReference Reference(ConversationRecord conversation) => new()
    {
        ChannelId = conversation.ChannelId,
        ServiceUrl = conversation.ServiceUrl,
        Bot = new ChannelAccount(conversation.BotId, conversation.BotName),
        Conversation = new ConversationAccount(
            isGroup: conversation.Kind != ConversationKind.Personal,
            conversationType: conversation.Kind switch
            {
                ConversationKind.Channel => "channel",
                ConversationKind.GroupChat => "groupChat",
                _ => "personal",
            },
            id: conversation.ConversationId,
            tenantId: conversation.TenantId),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams refused to update a card in place; it shows the stored state again at the next change")]
    private static partial void LogUpdateRefused(ILogger logger, Exception exception);
}
