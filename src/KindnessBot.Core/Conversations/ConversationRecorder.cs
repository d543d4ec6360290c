using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KindnessBot.Core.Conversations;

public sealed partial class ConversationRecorder(IConversationStore store, TimeProvider time, ILogger<ConversationRecorder> logger)
{
    private const int MaxRemembered = 50_000;

    // What this instance last wrote for each conversation. Only an optimisation: every write is an idempotent merge,
    // so another instance writing the same conversation, or this cache being cleared, changes nothing.
    private readonly ConcurrentDictionary<(string Tenant, string Conversation), ConversationRecord> _lastWritten = new();

    /// <summary>Stores what the sighting tells, and says whether it wrote and whether this made the conversation active.</summary>
    public async Task<SightingOutcome> RecordAsync(ConversationSighting sighting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        var now = time.GetUtcNow();
        var seen = sighting.Conversation with { LastSeenAt = now };
        var key = (seen.TenantId, seen.ConversationId);

        switch (sighting.Event)
        {
            case SightingEvent.Activity:
                if (_lastWritten.TryGetValue(key, out var written) && written == seen with { LastSeenAt = written.LastSeenAt })
                {
                    return SightingOutcome.Unchanged;
                }

                return await RecordTrafficAsync(seen with { IsRemoved = false }, cancellationToken);

            case SightingEvent.Installed:
                var installed = seen with { IsRemoved = false, InstalledBy = sighting.ActorId, InstalledAt = now };
                var activated = await store.TryActivateAsync(installed, cancellationToken);
                Remember(installed);
                if (activated)
                {
                    LogInstalled(logger, seen.Kind, seen.TenantId);
                }

                return activated ? SightingOutcome.Activated : SightingOutcome.Saved;

            case SightingEvent.ChannelCreated or SightingEvent.ChannelRenamed:
                await WriteAsync(seen with { IsRemoved = false }, cancellationToken);
                break;

            case SightingEvent.TeamRenamed:
                await RenameTeamAsync(seen, cancellationToken);
                break;

            case SightingEvent.ChannelDeleted:
                await RemoveAsync(seen.TenantId, seen.ConversationId, now, cancellationToken);
                break;

            case SightingEvent.Uninstalled:
                await UninstallAsync(seen, now, cancellationToken);
                LogUninstalled(logger, seen.Kind, seen.TenantId);
                break;
        }

        return SightingOutcome.Saved;
    }

    /// <summary>
    /// Ordinary traffic keeps a stored conversation up to date. It creates a record only for a personal chat (the
    /// person is talking to the bot) or for a channel of a team the bot was installed in; an activity that merely
    /// names a team or group chat the bot was never installed in creates nothing, so no feature reaches for it.
    /// </summary>
    private async Task<SightingOutcome> RecordTrafficAsync(ConversationRecord seen, CancellationToken cancellationToken)
    {
        if (seen.Kind == ConversationKind.Personal)
        {
            await WriteAsync(seen, cancellationToken);
            return SightingOutcome.Saved;
        }

        if (await store.RefreshAsync(seen, cancellationToken))
        {
            Remember(seen);
            return SightingOutcome.Saved;
        }

        if (seen is { Kind: ConversationKind.Channel, TeamId: { } teamId } && await store.FindAsync(seen.TenantId, teamId, cancellationToken) is { IsRemoved: false })
        {
            await WriteAsync(seen, cancellationToken);
            return SightingOutcome.Saved;
        }

        LogNotInstalled(logger, seen.Kind, seen.TenantId);
        return SightingOutcome.NotInstalled;
    }

    private async Task WriteAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        await store.SaveAsync(record, cancellationToken);
        Remember(record);
    }

    private void Remember(ConversationRecord record)
    {
        if (_lastWritten.Count >= MaxRemembered)
        {
            _lastWritten.Clear();
        }

        _lastWritten[(record.TenantId, record.ConversationId)] = record;
    }

    private async Task RenameTeamAsync(ConversationRecord seen, CancellationToken cancellationToken)
    {
        await WriteAsync(seen, cancellationToken);
        if (seen.TeamId is null)
        {
            return;
        }

        foreach (var channel in await store.ListTeamAsync(seen.TenantId, seen.TeamId, cancellationToken))
        {
            if (channel.ConversationId != seen.ConversationId && channel.TeamName != seen.TeamName)
            {
                await WriteAsync(channel with { TeamName = seen.TeamName }, cancellationToken);
            }
        }
    }

    private async Task UninstallAsync(ConversationRecord seen, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (seen is { Kind: ConversationKind.Channel, TeamId: { } teamId })
        {
            // Removing the bot from a team removes it from every channel of that team.
            foreach (var channel in await store.ListTeamAsync(seen.TenantId, teamId, cancellationToken))
            {
                await RemoveAsync(channel.TenantId, channel.ConversationId, now, cancellationToken);
            }
        }

        await RemoveAsync(seen.TenantId, seen.ConversationId, now, cancellationToken);
    }

    private async Task RemoveAsync(string tenantId, string conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _lastWritten.TryRemove((tenantId, conversationId), out _);
        await store.MarkRemovedAsync(tenantId, conversationId, now, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "KindnessBot was added to a {Kind} conversation in tenant {TenantId}")]
    private static partial void LogInstalled(ILogger logger, ConversationKind kind, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} conversation in tenant {TenantId} that KindnessBot was never installed in sent an activity; it is not recorded")]
    private static partial void LogNotInstalled(ILogger logger, ConversationKind kind, string tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "KindnessBot was removed from a {Kind} conversation in tenant {TenantId}")]
    private static partial void LogUninstalled(ILogger logger, ConversationKind kind, string tenantId);
}
