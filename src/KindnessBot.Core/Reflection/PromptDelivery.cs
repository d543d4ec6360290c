using KindnessBot.Core.Delivery;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// The weekly prompt on the delivery path: a wave message to the team's channel, keyed by team and week, dropped if it
/// could only be posted after it closed. What became of it is written on the slot row, which answers, the card's
/// count and the follow-up read: Sent with its activity id, Skipped, or Failed with the reason (reported to the
/// leader and admins by <see cref="ReflectionFollowUp"/>). The slot is written before the message is marked done, so a
/// stop between the two repeats only this write, and the renderer refuses to post a slot that has an activity id.
/// </summary>
public sealed class PromptDelivery(SlotStore slots, TimeProvider time, Measures.IMeasures? measures = null) : IDeliveryReaction
{
    public const string Kind = "reflection.prompt";

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    public static DeliveryRequest Request(PromptMessage prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new DeliveryRequest(prompt.TenantId, $"prompt|{prompt.TeamId}|{prompt.Week}", Kind, Recipient.Conversation(prompt.ConversationId), prompt.ToJson())
        {
            Wave = true,
            ExpiresAt = prompt.ClosesAt,
        };
    }

    public async Task DeliveredAsync(OutboxEntry entry, string? activityId, CancellationToken cancellationToken)
    {
        if (Prompt(entry) is { } prompt)
        {
            await slots.TryUpdateAsync(prompt, Azure.ETag.All, cancellationToken,
                ("State", nameof(SlotState.Sent)), ("ActivityId", activityId ?? ""), ("SentAt", time.GetUtcNow()), ("SendingUntil", time.GetUtcNow()));
            foreach (var measure in ReflectionMeasures.Prompted(prompt))
            {
                measures?.Count(measure);
            }
        }
    }

    public async Task NotDeliveredAsync(OutboxEntry entry, DeliveryState state, string reason, CancellationToken cancellationToken)
    {
        if (Prompt(entry) is not { } prompt || await slots.FindAsync(prompt.TenantId, prompt.TeamId, prompt.Week, cancellationToken) is not { } slot
            || slot.State is SlotState.Sent or SlotState.Skipped or SlotState.Failed)
        {
            return;
        }

        if (state == DeliveryState.Failed)
        {
            await slots.TryUpdateAsync(prompt, Azure.ETag.All, cancellationToken, ("State", nameof(SlotState.Failed)), ("Reason", reason), ("FailedAt", time.GetUtcNow()));
        }
        else
        {
            var why = entry.Request.ExpiresAt <= time.GetUtcNow() ? "Closed before it could be sent." : reason;
            await slots.TryUpdateAsync(prompt, Azure.ETag.All, cancellationToken, ("State", nameof(SlotState.Skipped)), ("Reason", why));
        }
    }

    private static PromptMessage? Prompt(OutboxEntry entry) => PromptMessage.FromJson(entry.Request.Payload);
}
