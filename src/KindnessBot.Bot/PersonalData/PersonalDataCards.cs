using KindnessBot.Bot.Cards;

namespace KindnessBot.Bot.PersonalData;

/// <summary>The cards of "my data" and "delete my data".</summary>
public sealed class PersonalDataCards : CardSet
{
    public CardMessage DownloadLink(Uri link, string? locale) => Fresh(DownloadLinkCard.Build(link, Culture(locale)));

    public CardMessage ConfirmErase(string confirmation, string? locale) => Fresh(ConfirmEraseCard.Build(confirmation, Culture(locale)));
}
