using System.Globalization;
using System.Text;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Delivery;

/// <summary>
/// "delivery status", for admins: what is waiting, in flight, parked and failed in this tenant, per kind, the oldest
/// waiting, and the last failures with their reasons. Never message text and never who a message is for.
/// </summary>
internal sealed class DeliveryStatusCommand(OutboxStore outbox, IAuthorisation authorisation, CommonCards common, TimeProvider time)
    : TextCommand("delivery status", nameof(DeliveryText.CommandStatusUsage), nameof(DeliveryText.CommandStatusDescription), "delivery")
{
    private static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    public override async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var person = TurnFacts.Person(turn);
        var title = TurnFacts.Text(turn, nameof(DeliveryText.StatusTitle));
        if (!await authorisation.IsAdminAsync(person, cancellationToken))
        {
            await turn.SendActivityAsync(common.Notice(title, TurnFacts.Text(turn, nameof(DeliveryText.StatusAdminsOnly))).ToActivity(), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        // The tenant is the turn's (TurnFacts.Person never carries one): with person.TenantId this read tenant "" and showed nothing.
        var entries = await outbox.ForStatusAsync(TurnFacts.Where(turn).TenantId, now - Recent, cancellationToken);
        await turn.SendActivityAsync(common.Notice(title, Describe(entries, now, TurnFacts.Culture(turn))).ToActivity(), cancellationToken);
    }

    internal static string Describe(IReadOnlyList<OutboxEntry> entries, DateTimeOffset now, CultureInfo culture)
    {
        if (entries.Count == 0)
        {
            return Localisation.Text(nameof(DeliveryText.StatusNothing), culture);
        }

        var text = new StringBuilder();
        foreach (var kind in entries.GroupBy(e => e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int Count(DeliveryState state) => kind.Count(e => e.State == state);
            text.AppendLine(string.Format(culture, Localisation.Text(nameof(DeliveryText.StatusKindLine), culture),
                kind.Key, Count(DeliveryState.Waiting), Count(DeliveryState.Sending), Count(DeliveryState.Parked), Count(DeliveryState.Sent), Count(DeliveryState.Dropped), Count(DeliveryState.Failed)));
        }

        if (entries.Where(e => e.State == DeliveryState.Waiting).MinBy(e => e.EnqueuedAt) is { } oldest)
        {
            text.AppendLine(string.Format(culture, Localisation.Text(nameof(DeliveryText.StatusOldest), culture), (int)(now - oldest.EnqueuedAt).TotalMinutes, oldest.Reason is { Length: > 0 } why ? why : "-"));
        }

        foreach (var failed in entries.Where(e => e.State == DeliveryState.Failed).OrderByDescending(e => e.SettledAt).Take(5))
        {
            text.AppendLine(string.Format(culture, Localisation.Text(nameof(DeliveryText.StatusFailure), culture), failed.Kind, failed.SettledAt?.ToString("d MMM HH:mm 'UTC'", culture) ?? "?", failed.Reason));
        }

        return text.ToString().TrimEnd();
    }
}
