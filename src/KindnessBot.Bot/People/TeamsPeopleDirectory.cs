using System.Collections.Concurrent;
using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using Microsoft.Bot.Connector;

namespace KindnessBot.Bot.People;

/// <summary>
/// Chat and team rosters from the Teams connector, kept for a couple of minutes so a card and its submit do not
/// both pay for the same roster.
/// </summary>
internal sealed class TeamsPeopleDirectory(ProactiveSender sender, TimeProvider time) : IPeopleDirectory
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(2);
    private const int MaxMembers = 5_000;
    private readonly ConcurrentDictionary<(string Tenant, string Conversation), (DateTimeOffset At, IReadOnlyList<Person> Members)> _cache = new();

    public async Task<IReadOnlyList<Person>> MembersAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var key = (conversation.TenantId, conversation.ConversationId);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && now - cached.At < KeepFor)
        {
            return cached.Members;
        }

        using var connector = await sender.ConnectorAsync(conversation, cancellationToken);
        var members = new List<Person>();
        string? continuation = null;
        do
        {
            var page = await connector.Conversations.GetConversationPagedMembersAsync(conversation.ScopeId, 500, continuation, cancellationToken);
            foreach (var member in page.Members ?? [])
            {
                var tenant = member.Properties?["tenantId"]?.ToString();
                var guest = string.Equals(member.Properties?["userRole"]?.ToString(), "guest", StringComparison.OrdinalIgnoreCase);
                members.Add(new Person(member.Id, member.AadObjectId, DisplayName.Bound(member.Name) ?? member.Id, tenant, guest));
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation) && members.Count < MaxMembers);

        if (_cache.Count > 10_000)
        {
            _cache.Clear();
        }

        _cache[key] = (now, members);
        return members;
    }
}
