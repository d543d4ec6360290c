namespace KindnessBot.Bot.Conversations;

/// <summary>
/// A feature that wants to know when a person's personal chat with the bot starts (first seen, or seen again after
/// the bot was removed): told once per change, in that person's turn.
/// </summary>
public interface IPersonalChatObserver
{
    Task PersonalChatStartedAsync(string tenantId, string userId, CancellationToken cancellationToken);
}
