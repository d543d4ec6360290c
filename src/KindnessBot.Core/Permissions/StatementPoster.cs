using KindnessBot.Core.Conversations;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// Posts a stored statement's card once, however many submits of its form arrive: a submit first claims the post with an
/// ETag-checked write, so of two at once only one posts. If Teams refuses, the claim is released and the statement
/// waits, unposted, for "Post it" to be pressed again; a claim left by a submit that never finished lapses.
/// </summary>
internal sealed class StatementPoster(IPermissionStore store, IPermissionNotifier notifier, TimeProvider time)
{
    /// <summary>Longer than any post can take (Teams answers within seconds; a client gives up after 100).</summary>
    public static readonly TimeSpan ClaimLasts = TimeSpan.FromMinutes(3);

    /// <returns>The statement as stored: posted by this call, by an earlier one, or (while another is posting it) not yet.</returns>
    public async Task<PermissionStatement> PostOnceAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = false;
        var (current, _) = await store.UpdateAsync(
            statement.TenantId,
            statement.ScopeId,
            statement.Key,
            s =>
            {
                // The change may run more than once (on conflicts); what its last run decided is what was written.
                claimed = s.ActivityId is null && (s.PostingSince is not { } since || now - since > ClaimLasts);
                return claimed ? s with { PostingSince = now } : null;
            },
            cancellationToken);
        if (!claimed)
        {
            return current ?? statement;
        }

        string? activityId;
        try
        {
            activityId = await notifier.PostAsync(current!, where, cancellationToken);
        }
        catch
        {
            // Not posted (Teams refused, or the turn ended): release the claim so the leader's next press posts it.
            await store.UpdateAsync(statement.TenantId, statement.ScopeId, statement.Key, s => s.ActivityId is null ? s with { PostingSince = null } : null, CancellationToken.None);
            throw;
        }

        var (posted, _) = await store.UpdateAsync(statement.TenantId, statement.ScopeId, statement.Key, s => s with { ActivityId = activityId, PostingSince = null }, cancellationToken);
        return posted ?? current!;
    }
}
