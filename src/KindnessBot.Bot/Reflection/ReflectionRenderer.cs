using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Delivery;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Reflection;

/// <summary>
/// Reflection's messages as they are sent: the weekly prompt (never for a slot already posted or settled), the leader's
/// summary (from the answers as stored then), and the report of a prompt that could not be posted.
/// </summary>
internal sealed class ReflectionRenderer(SlotStore slots, AnswerStore answers, IConversationStore conversations, ReflectionCards cards, CommonCards common) : IDeliveryRenderer
{
    private const string Locale = "en-GB";

    public IReadOnlyDictionary<string, string?> Kinds { get; } = new Dictionary<string, string?>
    {
        [PromptDelivery.Kind] = null,
        [FollowUpDelivery.Summary] = nameof(ReflectionText.OptOutSummaries),
        [FollowUpDelivery.Failure] = null,
    };

    public async Task<Rendered> RenderAsync(OutboxEntry entry, ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind == PromptDelivery.Kind)
        {
            var prompt = PromptMessage.FromJson(entry.Request.Payload);
            var slot = prompt is null ? null : await slots.FindAsync(prompt.TenantId, prompt.TeamId, prompt.Week, cancellationToken);
            return slot switch
            {
                null => Rendered.Drop("Not a prompt of a slot this bot claimed."),
                { ActivityId: not null } or { State: SlotState.Sent or SlotState.Skipped or SlotState.Failed } => Rendered.Drop("Posted or settled already."),
                _ => Rendered.Show(cards.Prompt(prompt!, 0, closed: false, Locale)),
            };
        }

        var (about, reason) = FollowUpDelivery.Read(entry);
        if (about is null)
        {
            return Rendered.Drop("Not a reflection follow-up.");
        }

        var teamName = (await conversations.FindAsync(about.TenantId, about.TeamId, cancellationToken))?.TeamName ?? about.TeamId;
        if (entry.Kind == FollowUpDelivery.Summary)
        {
            var given = await answers.ListAsync(about.TenantId, new PromptId(about.TeamId, about.Week), cancellationToken);
            return new Rendered(cards.ReflectionSummary(teamName, about, given, Locale));
        }

        var culture = Localisation.Culture(Locale);
        return Rendered.Show(common.Notice(
            Localisation.Text(nameof(ReflectionText.FailureTitle), culture),
            string.Format(culture, Localisation.Text(nameof(ReflectionText.FailureText), culture), teamName, reason ?? "unknown")));
    }
}
