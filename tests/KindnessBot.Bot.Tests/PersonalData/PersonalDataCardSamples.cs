using KindnessBot.Bot.Cards;
using KindnessBot.Bot.PersonalData;
using KindnessBot.Bot.Tests.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.PersonalData;

public sealed class PersonalDataCardSamples : ICardSamples
{
    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale)
    {
        var cards = services.GetRequiredService<PersonalDataCards>();
        var token = new string('x', 160) + "." + new string('y', 43);
        return [cards.DownloadLink(new Uri("https://kindnessbot.example/my-data?t=" + token), locale), cards.ConfirmErase(token, locale)];
    }
}
