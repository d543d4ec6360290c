using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Delivery;
using KindnessBot.Bot.Tests.Cards;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Bot.Tests.Delivery;

/// <summary>The settings card as it first shows, paused with every kind turned off, and with no quiet hours, for the SDK.</summary>
public sealed class DeliveryCardSamples : ICardSamples
{
    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale)
    {
        var cards = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DeliveryCards>(services);
        var options = new DeliveryOptions();
        var now = new DateTimeOffset(CardSamples.Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        (string, string)[] kinds = [("permissions.reminder", "Reminders before my permission statements end"), ("reflection.summary", "Summaries of my team's reflection"), ("recognition.outcome", "What people decided about recognitions I gave")];
        var paused = new NudgeSettings { PausedUntil = now.AddDays(28), OptedOut = kinds.Select(k => k.Item1).ToHashSet(StringComparer.Ordinal), WeekendsQuiet = false, QuietFrom = new TimeOnly(20, 0), QuietUntil = new TimeOnly(7, 0) };
        return
        [
            cards.Settings(NudgeSettings.Default, options, kinds, "Europe/London", now, null, locale),
            cards.Settings(paused, options, kinds, "Australia/Sydney", now, "Saved. Thank you for telling me what works for you.", locale),
            cards.Settings(NudgeSettings.Default with { QuietFrom = new TimeOnly(9, 0), QuietUntil = new TimeOnly(9, 0) }, options, [], "Etc/UTC", now, null, locale),
        ];
    }
}
