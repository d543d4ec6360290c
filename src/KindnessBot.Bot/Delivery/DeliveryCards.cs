using KindnessBot.Bot.Cards;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Bot.Delivery;

/// <summary>The delivery path's own card: a person's settings.</summary>
public sealed class DeliveryCards : CardSet
{
    /// <param name="optOuts">The kinds of nudge people may turn off, each with its label in the person's language.</param>
    public CardMessage Settings(NudgeSettings settings, DeliveryOptions options, IReadOnlyList<(string Kind, string Label)> optOuts, string zone, DateTimeOffset now, string? notice, string? locale) =>
        Fresh(SettingsCard.Build(settings, options, optOuts, zone, now, notice, Culture(locale)));
}
