using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Reflection;
using Microsoft.Bot.Schema;

namespace KindnessBot.Bot.Reflection;

/// <summary>
/// Posts a prompt card in its channel through the Teams connector, turning what Teams answers into an outcome the
/// prompt worker can act on. It never retries itself: retries go through the queue, within the fleet's limits.
/// </summary>
internal sealed class TeamsPromptSender(IConversationStore conversations, ProactiveSender sender, ReflectionCards cards, TimeProvider time) : IPromptSender
{
    private const string Locale = "en-GB";

    public async Task<SendOutcome> SendAsync(PromptMessage prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var channel = await conversations.FindAsync(prompt.TenantId, prompt.ConversationId, cancellationToken);
        if (channel is null || channel.IsRemoved)
        {
            return SendOutcome.GiveUp("KindnessBot is no longer in that channel or chat.");
        }

        try
        {
            var id = await sender.SendAsync(channel, cards.Prompt(prompt, 0, closed: false, Locale).ToActivity(), cancellationToken);
            return SendOutcome.Delivered(id ?? string.Empty);
        }
        catch (ErrorResponseException ex) when (ex.Response is not null)
        {
            var status = (int)ex.Response.StatusCode;
            var reason = $"Teams answered {status} ({ex.Response.StatusCode}).";
            return SendOutcome.Classify(status) switch
            {
                SendResult.Transient => SendOutcome.TryLater(reason, RetryAfter(ex.Response)),
                _ => SendOutcome.GiveUp(reason),
            };
        }
    }

    private TimeSpan? RetryAfter(Microsoft.Rest.HttpResponseMessageWrapper response)
    {
        if (response.Headers is null || !response.Headers.TryGetValue("Retry-After", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault();
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(Math.Min(seconds, 3600))
            : DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at - time.GetUtcNow()
            : null;
    }
}
