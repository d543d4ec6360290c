using KindnessBot.Bot.Audit;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Tests.Cards;
using KindnessBot.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Audit;

public sealed class AuditCardSamples : ICardSamples
{
    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale)
    {
        var cards = services.GetRequiredService<AuditCards>();
        var at = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var entries = Enum.GetValues<AuditAction>().Select(a => new AuditEntry("tenant", at, "29:lee", "Lee Lead", a, "19:team", "0000000000000000001-0000abcd")).ToList();
        return [cards.Page(new AuditPage(entries, "0000000000000000002-0000abcd"), locale), cards.Page(new AuditPage([], null), locale)];
    }
}
