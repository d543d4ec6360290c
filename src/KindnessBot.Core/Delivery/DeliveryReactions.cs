namespace KindnessBot.Core.Delivery;

/// <summary>Tells each feature what became of its messages, through the reactions it registered for their kinds.</summary>
public sealed class DeliveryReactions(IEnumerable<IDeliveryReaction> reactions)
{
    private readonly ILookup<string, IDeliveryReaction> _byKind = reactions.SelectMany(r => r.Kinds.Select(k => (k, r))).ToLookup(x => x.k, x => x.r, StringComparer.Ordinal);

    public async Task DeliveredAsync(OutboxEntry entry, string? activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var reaction in _byKind[entry.Kind])
        {
            await reaction.DeliveredAsync(entry, activityId, cancellationToken);
        }
    }

    public async Task NotDeliveredAsync(OutboxEntry entry, DeliveryState state, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var reaction in _byKind[entry.Kind])
        {
            await reaction.NotDeliveredAsync(entry, state, reason, cancellationToken);
        }
    }
}
