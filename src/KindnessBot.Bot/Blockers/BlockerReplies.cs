using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Conversations;
using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Blockers;

/// <summary>Every blockers reply is private: a short notice in the person's own chat (or where they are, when they have none).</summary>
internal sealed class BlockerReplies(PrivateReplies replies, CommonCards common)
{
    public Task TellAsync(ITurnContext turn, string text, CancellationToken cancellationToken, params object[] arguments) =>
        replies.SendAsync(turn, common.Notice(TurnFacts.Text(turn, nameof(BlockerText.BlockersTitle)), TurnFacts.Text(turn, text, arguments)).ToActivity(), cancellationToken);

    public Task SendAsync(ITurnContext turn, CardMessage card, CancellationToken cancellationToken) => replies.SendAsync(turn, card.ToActivity(), cancellationToken);
}
