using KindnessBot.Bot.Cards;

namespace KindnessBot.Bot.Tests.Cards;

/// <summary>
/// One example of every card of a feature, at its edges (empty, full, each state), for validation against the Adaptive
/// Cards SDK. Every implementation in this assembly is found and checked; a card with no sample fails a test.
/// </summary>
public interface ICardSamples
{
    IEnumerable<CardMessage> Samples(IServiceProvider services, string locale);
}

internal static class CardSamples
{
    /// <summary>A fixed day for the samples: what a card shows depends on it, not on today.</summary>
    public static readonly DateOnly Day = new(2026, 11, 20);

    public static IReadOnlyList<CardMessage> All(IServiceProvider services, string locale) =>
    [
        .. typeof(CardSamples).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICardSamples).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => ((ICardSamples)Activator.CreateInstance(t)!).Samples(services, locale)),
    ];
}
