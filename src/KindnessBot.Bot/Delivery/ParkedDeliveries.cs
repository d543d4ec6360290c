using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Bot.Delivery;

/// <summary>Someone who had messages waiting for a chat with the bot gets them the first time they talk to it.</summary>
internal sealed class ParkedDeliveries(DeliveryOutbox outbox) : IPersonalChatObserver
{
    public Task PersonalChatStartedAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        outbox.WakeAsync(tenantId, userId, cancellationToken);
}
