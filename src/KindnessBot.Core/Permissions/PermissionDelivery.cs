using System.Text.Json;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Core.Permissions;

/// <summary>
/// Permission's messages on the delivery path: the statement's card in its channel or chat, a flexible decision shared
/// as a story, and the leader's reminder before a statement expires. Each finds its statement again when it is sent,
/// so a statement revoked or extended meanwhile is not announced as it was. A posted statement keeps its card's
/// activity id (for updates in place), written before the message is marked done; a statement that has one is never
/// posted again.
/// </summary>
public sealed class PermissionDelivery(IPermissionStore store) : IDeliveryReaction
{
    public const string Statement = "permissions.statement";
    public const string Story = "permissions.story";
    public const string Reminder = "permissions.reminder";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyCollection<string> Kinds { get; } = [Statement];

    public static DeliveryRequest StatementRequest(PermissionStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return new(statement.TenantId, $"statement|{statement.ScopeId}|{statement.Key}", Statement, Recipient.Conversation(statement.ConversationId), Write(new Ref(statement.ScopeId, statement.Key)));
    }

    public static DeliveryRequest StoryRequest(FlexDecision decision, string scopeId, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(decision.TenantId, $"story|{scopeId}|{decision.Key}", Story, Recipient.Conversation(conversationId), Write(new Ref(scopeId, decision.StatementKey, decision.Key)));
    }

    /// <summary>One reminder per statement and end date (an extended statement is reminded of again); dropped once it has expired.</summary>
    public static DeliveryRequest ReminderRequest(PermissionStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var validUntil = statement.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new(statement.TenantId, $"reminder|{statement.ScopeId}|{statement.Key}|{validUntil}", Reminder, Recipient.Person(statement.LeaderId), Write(new Ref(statement.ScopeId, statement.Key)))
        {
            Nudge = true,
            ExpiresAt = new DateTimeOffset(statement.ValidUntil.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };
    }

    /// <summary>The statement a message is about, as stored now.</summary>
    public static async Task<PermissionStatement?> FindStatementAsync(IPermissionStore store, OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(entry);
        return Read(entry.Request.Payload) is { StatementKey: { Length: > 0 } key } at ? await store.FindAsync(entry.TenantId, at.ScopeId, key, cancellationToken) : null;
    }

    /// <summary>The decision a story is about, as stored now.</summary>
    public static async Task<FlexDecision?> FindDecisionAsync(IPermissionStore store, OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(entry);
        return Read(entry.Request.Payload) is { DecisionKey: { Length: > 0 } key } at
            ? (await store.DecisionsAsync(entry.TenantId, at.ScopeId, cancellationToken)).FirstOrDefault(d => d.Key == key)
            : null;
    }

    public async Task DeliveredAsync(OutboxEntry entry, string? activityId, CancellationToken cancellationToken)
    {
        if (Read(entry?.Request.Payload) is { StatementKey: { Length: > 0 } key } at && activityId is { Length: > 0 })
        {
            await store.UpdateAsync(entry!.TenantId, at.ScopeId, key, s => s.ActivityId is null ? s with { ActivityId = activityId } : null, cancellationToken);
        }
    }

    public Task NotDeliveredAsync(OutboxEntry entry, DeliveryState state, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Write(Ref at) => JsonSerializer.Serialize(at, Json);

    private static Ref? Read(string? payload)
    {
        try
        {
            return payload is null ? null : JsonSerializer.Deserialize<Ref>(payload, Json) is { ScopeId.Length: > 0 } at ? at : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Ref(string ScopeId, string? StatementKey, string? DecisionKey = null);
}
