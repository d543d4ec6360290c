using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>Statements, their updates in place, stories and reminders, sent proactively (en-GB, the product's language).</summary>
internal sealed class TeamsPermissionNotifier(ProactiveSender sender, PermissionCards cards, TimeProvider time) : IPermissionNotifier
{
    private const string Locale = "en-GB";

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public Task<string?> PostAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken) =>
        sender.SendAsync(where, cards.Statement(statement, Today, Locale).ToActivity(), cancellationToken);

    /// <summary>Best effort: the counts are stored either way, and the next press or change updates the card again.</summary>
    public Task UpdateAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken) =>
        sender.TryUpdateAsync(where, statement.ActivityId!, cards.Statement(statement, Today, Locale).ToActivity(), cancellationToken);

    public Task PostStoryAsync(FlexDecision decision, PermissionStatement? statement, ConversationRecord where, CancellationToken cancellationToken) =>
        sender.SendAsync(where, cards.Story(decision, statement, Locale).ToActivity(), cancellationToken);

    public Task RemindAsync(PermissionStatement statement, ConversationRecord leaderChat, CancellationToken cancellationToken) =>
        sender.SendAsync(leaderChat, cards.Reminder(statement, Locale).ToActivity(), cancellationToken);
}
