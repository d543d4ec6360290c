using KindnessBot.Bot.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Cards;

public sealed class CommonCardSamples : ICardSamples
{
    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale)
    {
        var cards = services.GetRequiredService<CommonCards>();
        return
        [
            cards.WelcomePersonal(locale), cards.WelcomeTeam(locale), cards.Help(false, locale), cards.Help(true, locale),
            cards.Error(locale), cards.BadSubmit(locale), cards.Unsupported(locale),
            cards.Notice("Thank you for noticing", "I've let Megan Bowen know, privately."),
        ];
    }
}
