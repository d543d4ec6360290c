using KindnessBot.Bot.Delivery;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>
/// Permission's messages as they are sent: a statement's card (never twice: one with an activity id is posted), a story,
/// and the leader's reminder (only while the statement still ends on the day it was reminded of).
/// </summary>
internal sealed class PermissionRenderer(IPermissionStore store, PermissionCards cards, TimeProvider time) : IDeliveryRenderer
{
    private const string Locale = "en-GB";

    public IReadOnlyDictionary<string, string?> Kinds { get; } = new Dictionary<string, string?>
    {
        [PermissionDelivery.Statement] = null,
        [PermissionDelivery.Story] = null,
        [PermissionDelivery.Reminder] = nameof(PermissionText.OptOutReminders),
    };

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<Rendered> RenderAsync(OutboxEntry entry, ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var statement = await PermissionDelivery.FindStatementAsync(store, entry, cancellationToken);
        switch (entry.Kind)
        {
            case PermissionDelivery.Statement when statement is null:
                return Rendered.Drop("The statement is not stored.");
            case PermissionDelivery.Statement when statement.ActivityId is not null:
                return Rendered.Drop("Posted already.");
            case PermissionDelivery.Statement when statement.Revoked:
                return Rendered.Drop("Revoked before it was posted.");
            case PermissionDelivery.Statement:
                return Rendered.Show(cards.Statement(statement, Today, Locale));
            case PermissionDelivery.Story:
                return await PermissionDelivery.FindDecisionAsync(store, entry, cancellationToken) is { ShareAsStory: true } decision
                    ? Rendered.Show(cards.Story(decision, statement, Locale))
                    : Rendered.Drop("The decision is not shared as a story.");
            case PermissionDelivery.Reminder when statement is null || statement.Revoked || !entry.Key.EndsWith(statement.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal):
                return Rendered.Drop("Revoked or extended since.");
            case PermissionDelivery.Reminder:
                return Rendered.Show(cards.Reminder(statement, Locale));
            default:
                return Rendered.Drop("Not a permission message.");
        }
    }
}
