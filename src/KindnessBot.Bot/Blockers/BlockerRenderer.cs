using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Delivery;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Bot.Blockers;

/// <summary>
/// The reporter's news about their blocker, made when it is sent: the blocker's words as stored then, and the change
/// as it was made (so a later change is its own message). A blocker gone meanwhile is news no more.
/// </summary>
internal sealed class BlockerRenderer(BlockerStore store, BlockerDigests digests, IConversationStore conversations, BlockerCards cards) : IDeliveryRenderer
{
    private const string Locale = "en-GB";

    public IReadOnlyDictionary<string, string?> Kinds { get; } = new Dictionary<string, string?> { [ReporterNotice.Kind] = nameof(BlockerText.NewsOptOut), [DigestPeriod.Kind] = null };

    public async Task<Rendered> RenderAsync(OutboxEntry entry, ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind == DigestPeriod.Kind)
        {
            return await DigestAsync(entry, cancellationToken);
        }

        if (ReporterNotice.Read(entry.Request.Payload) is not { } news)
        {
            return Rendered.Drop("Not a blocker's news.");
        }

        return await store.FindAsync(entry.TenantId, news.BlockerId, cancellationToken) is { } blocker
            ? Rendered.Show(cards.News(blocker.What, news.Status, news.Note, Locale))
            : Rendered.Drop("The blocker is gone.");
    }

    /// <summary>The team's "you said, we did" for its period, from its closed list as it is now; nothing in a month with nothing to say.</summary>
    private async Task<Rendered> DigestAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (DigestPeriod.FromJson(entry.Request.Payload) is not { } period || period.TenantId != entry.TenantId)
        {
            return Rendered.Drop("Not a digest.");
        }

        var closed = await digests.ClosedAsync(period, cancellationToken);
        if (closed.Count == 0)
        {
            return Rendered.Drop("Nothing changed or was answered in the month.");
        }

        var name = (await conversations.FindAsync(period.TenantId, period.TeamId, cancellationToken))?.TeamName ?? Localisation.Text(nameof(BlockerText.BlockersTitle), Localisation.Culture(Locale));
        return Rendered.Show(cards.Digest(name, period, closed, Locale));
    }
}
