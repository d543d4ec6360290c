using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// Posts a stored statement's card once, however many submits of its form arrive: the post is asked of the delivery
/// path under the statement's own key, so a repeat (a double press, a retry after a stop) changes nothing, and the
/// card's activity id is kept on the statement once Teams accepts it (<see cref="PermissionDelivery"/>).
/// </summary>
internal sealed class StatementPoster(DeliveryOutbox outbox)
{
    /// <returns>The statement as stored; its activity id arrives once the card is posted.</returns>
    public async Task<PermissionStatement> PostOnceAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement.ActivityId is null)
        {
            await outbox.EnqueueAsync(PermissionDelivery.StatementRequest(statement), cancellationToken);
        }

        return statement;
    }
}
