using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Delivery;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Delivery;

/// <summary>The settings card for the person in a turn, with the kinds of nudge the features let people turn off.</summary>
internal sealed class SettingsViews(NudgeSettingsStore store, QuietHours quiet, DeliveryOptions options, IEnumerable<IDeliveryRenderer> renderers, DeliveryCards cards, TimeProvider time)
{
    public IReadOnlyList<string> OptOutKinds => [.. renderers.SelectMany(r => r.Kinds).Where(k => k.Value is not null).Select(k => k.Key).Order(StringComparer.Ordinal)];

    public async Task<CardMessage> CardAsync(ITurnContext turn, string? notice, CancellationToken cancellationToken)
    {
        var person = TurnFacts.Person(turn);
        // The tenant is the turn's, as the delivery path reads it (TurnFacts.Person never carries one: "" made TableKey throw).
        var settings = await store.GetAsync(TurnFacts.Where(turn).TenantId, person.TeamsId, cancellationToken);
        return Card(turn, settings, notice);
    }

    /// <summary>The zone quiet hours are kept in: the one this turn's Teams client reports, else the deployment's default.</summary>
    public static NudgeSettings InZoneOf(ITurnContext turn, NudgeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { TimeZoneId = TurnFacts.Where(turn).TimeZoneId };
    }

    public CardMessage Card(ITurnContext turn, NudgeSettings settings, string? notice)
    {
        var culture = TurnFacts.Culture(turn);
        var labels = renderers.SelectMany(r => r.Kinds).Where(k => k.Value is not null).OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => (k.Key, Localisation.Text(k.Value!, culture))).ToList();
        settings = InZoneOf(turn, settings);
        return cards.Settings(settings, options, labels, quiet.ZoneOf(settings).Id, time.GetUtcNow(), notice, TurnFacts.Locale(turn));
    }
}
