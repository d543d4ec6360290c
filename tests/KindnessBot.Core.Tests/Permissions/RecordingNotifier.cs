using System.Collections.Concurrent;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Core.Tests.Permissions;

/// <summary>Records the statement cards updated in place (the one thing the service still asks of Teams directly).</summary>
public sealed class RecordingNotifier : IPermissionNotifier
{
    public ConcurrentQueue<PermissionStatement> Updated { get; } = new();

    public Task UpdateAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken)
    {
        Updated.Enqueue(statement);
        return Task.CompletedTask;
    }
}
