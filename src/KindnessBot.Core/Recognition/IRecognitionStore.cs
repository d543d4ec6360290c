namespace KindnessBot.Core.Recognition;

/// <summary>Recognitions, kept so that "given by me", "received by X" and "this team's" are partition queries.</summary>
public interface IRecognitionStore
{
    /// <summary>
    /// Stores a new recognition once per card (<paramref name="cardId"/>), unless the giver already gave
    /// <paramref name="dailyLimit"/> today. At most three storage transactions. On a duplicate, returns the stored one.
    /// </summary>
    Task<(AddOutcome Outcome, Recognition Stored)> AddAsync(Recognition recognition, string cardId, int dailyLimit, CancellationToken cancellationToken);

    /// <summary>A recognition the given person received; null when there is none with that key for them.</summary>
    Task<Recognition?> FindReceivedAsync(string tenantId, string recipientId, string key, CancellationToken cancellationToken);

    /// <summary>Records the recipient's decision; false when it was already decided (by a double press, say).</summary>
    Task<bool> TryDecideAsync(Recognition decided, CancellationToken cancellationToken);

    /// <summary>The recipient's copy (with their decision) of what a giver gave with a card; null when nothing was stored for that card.</summary>
    Task<Recognition?> FindByCardAsync(string tenantId, string giverId, string cardId, string recipientId, CancellationToken cancellationToken);

    /// <summary>Newest first, at most <paramref name="max"/>, given at or after <paramref name="since"/> when set.</summary>
    Task<IReadOnlyList<Recognition>> ReceivedAsync(string tenantId, string recipientId, DateTimeOffset? since, int max, CancellationToken cancellationToken);

    Task<IReadOnlyList<Recognition>> GivenAsync(string tenantId, string giverId, int max, CancellationToken cancellationToken);

    /// <summary>Adds a shared recognition to its team's record; safe to repeat.</summary>
    Task AddToTeamAsync(Recognition recognition, string teamId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Recognition>> TeamAsync(string tenantId, string teamId, int max, CancellationToken cancellationToken);
}
