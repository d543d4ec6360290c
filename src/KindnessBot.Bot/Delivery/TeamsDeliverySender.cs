using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace KindnessBot.Bot.Delivery;

/// <summary>
/// Posts messages from the delivery path through the Teams connector: each rendered by its feature at send time, several
/// (a digest of nudges) as one message with a card each. What Teams answers becomes an outcome the worker acts on; it
/// never retries itself.
/// </summary>
internal sealed class TeamsDeliverySender(ProactiveSender sender, IEnumerable<IDeliveryRenderer> renderers, TimeProvider time) : IDeliverySender
{
    private readonly Dictionary<string, IDeliveryRenderer> _byKind = renderers.SelectMany(r => r.Kinds.Keys.Select(k => (k, r))).ToDictionary(x => x.k, x => x.r, StringComparer.Ordinal);

    public async Task<DeliveryAttempt> SendAsync(ConversationRecord conversation, IReadOnlyList<OutboxEntry> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(messages);
        var dropped = new Dictionary<string, string>(StringComparer.Ordinal);
        var notYet = new HashSet<string>(StringComparer.Ordinal);
        var cards = new List<CardMessage>();
        foreach (var message in messages)
        {
            var rendered = _byKind.TryGetValue(message.Kind, out var renderer)
                ? await renderer.RenderAsync(message, conversation, cancellationToken)
                : Rendered.Drop("No feature renders this kind of message.");
            if (rendered.NotYet)
            {
                notYet.Add(message.Key);
            }
            else if (rendered.DropReason is { } reason || rendered.Cards.Count == 0)
            {
                dropped[message.Key] = rendered.DropReason ?? "Nothing to show.";
            }
            else
            {
                cards.AddRange(rendered.Cards);
            }
        }

        if (cards.Count == 0)
        {
            return new DeliveryAttempt(SendOutcome.Nothing) { Dropped = dropped, NotYet = notYet };
        }

        return new DeliveryAttempt(await PostAsync(conversation, cards, messages.Count - dropped.Count - notYet.Count > 1, cancellationToken)) { Dropped = dropped, NotYet = notYet };
    }

    private async Task<SendOutcome> PostAsync(ConversationRecord conversation, List<CardMessage> cards, bool digest, CancellationToken cancellationToken)
    {
        var activity = cards.Count == 1 ? cards[0].ToActivity() : MessageFactory.Attachment(cards.Select(c => c.ToAttachment()));
        if (digest)
        {
            activity.Text = Localisation.Text(nameof(DeliveryText.DigestIntro), Localisation.Culture("en-GB"));
        }

        try
        {
            var id = await sender.SendAsync(conversation, activity, cancellationToken);
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
