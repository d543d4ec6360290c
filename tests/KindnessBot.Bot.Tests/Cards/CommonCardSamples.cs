using KindnessBot.Bot.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Cards;

public sealed class CommonCardSamples : ICardSamples
{
    /// <summary>A team's statement as long as it may be, with characters that must not format anything.</summary>
    private static readonly string TeamStatement = ("We listen first. <at>*Everyone*</at> " + new string('ŵ', 500))[..KindnessBot.Core.Listening.KindnessStatements.MaxLength];

    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale)
    {
        var cards = services.GetRequiredService<CommonCards>();
        return
        [
            cards.WelcomePersonal(locale), cards.WelcomeTeam(locale), cards.Help(false, locale), cards.Help(true, locale),
            cards.WelcomeTeam(locale, TeamStatement), cards.Help(true, locale, TeamStatement),
            cards.Error(locale), cards.BadSubmit(locale), cards.Unsupported(locale),
            cards.Notice("Thank you for noticing", "I've let Megan Bowen know, privately."),
        ];
    }
}
