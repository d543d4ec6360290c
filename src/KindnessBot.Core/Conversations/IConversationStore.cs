namespace KindnessBot.Core.Conversations;

/// <summary>Where the bot keeps the conversations it can reach. Every key starts with the tenant id.</summary>
public interface IConversationStore
{
    /// <summary>
    /// Merges what was seen into the stored conversation: properties that are null are left as stored, so a
    /// later sighting that lacks a name does not erase it. Safe to repeat and to run on several instances.
    /// </summary>
    Task SaveAsync(ConversationRecord seen, CancellationToken cancellationToken);

    /// <summary>
    /// Merges what was seen into a conversation that is already stored, as <see cref="SaveAsync"/> does, and says
    /// whether there was one. Never creates a record: a team or group chat is recorded when the bot is installed there.
    /// </summary>
    Task<bool> RefreshAsync(ConversationRecord seen, CancellationToken cancellationToken);

    /// <summary>
    /// Saves an installation and says whether this call is the one that made the conversation active (it was
    /// never stored, or was removed). Of several concurrent calls for the same conversation, at most one gets true,
    /// so a welcome sent on true is sent once however often Teams retries.
    /// </summary>
    Task<bool> TryActivateAsync(ConversationRecord installed, CancellationToken cancellationToken);

    /// <summary>Marks a conversation removed; does nothing when it was never stored.</summary>
    Task MarkRemovedAsync(string tenantId, string conversationId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<ConversationRecord?> FindAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The personal chat the bot has with a person, if it has one.</summary>
    Task<ConversationRecord?> FindPersonalAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>The teams of a tenant the bot is in: each team's General channel, removed ones left out.</summary>
    Task<IReadOnlyList<ConversationRecord>> ListTeamsAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every channel conversation of a team (a partition query, not a table scan).</summary>
    Task<IReadOnlyList<ConversationRecord>> ListTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken);
}
