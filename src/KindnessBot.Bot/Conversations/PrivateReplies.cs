using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Conversations;

/// <summary>
/// A reply only the person of this turn should see: in their own chat with the bot when they have one (so nothing in a
/// channel says who answered, reported or opened a form), otherwise where they are.
/// </summary>
internal sealed class PrivateReplies(IConversationStore conversations, ProactiveSender sender)
{
    public async Task SendAsync(ITurnContext turn, Microsoft.Bot.Schema.IActivity reply, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        if (where.Kind != ConversationKind.Personal && await conversations.FindPersonalAsync(where.TenantId, turn.Activity.From.Id, cancellationToken) is { IsRemoved: false } own)
        {
            await sender.SendAsync(own, reply, cancellationToken);
            return;
        }

        await turn.SendActivityAsync(reply, cancellationToken);
    }
}
