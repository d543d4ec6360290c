using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>Someone recognised before they ever talked to the bot hears about it the first time they do.</summary>
internal sealed class WaitingRecognitions(RecognitionService recognitions) : IPersonalChatObserver
{
    public Task PersonalChatStartedAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        recognitions.DeliverWaitingAsync(tenantId, userId, cancellationToken);
}
