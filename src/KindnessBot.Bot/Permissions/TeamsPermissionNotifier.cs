using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>Statement cards updated in place (en-GB, the product's language); new posts go through the delivery path.</summary>
internal sealed class TeamsPermissionNotifier(ProactiveSender sender, PermissionCards cards, TimeProvider time) : IPermissionNotifier
{
    private const string Locale = "en-GB";

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Best effort: the counts are stored either way, and the next press or change updates the card again.</summary>
    public Task UpdateAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken) =>
        sender.TryUpdateAsync(where, statement.ActivityId!, cards.Statement(statement, Today, Locale).ToActivity(), cancellationToken);
}
