using System.Globalization;
using KindnessBot.Bot.Cards;

namespace KindnessBot.Bot.PersonalData;

/// <summary>"my data": what the file holds, that anonymous reflections are not in it, and the short-lived link.</summary>
internal static class DownloadLinkCard
{
    public static AdaptiveCard Build(Uri link, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        return new AdaptiveCard(
            [
                new TextBlock(T(nameof(PersonalDataText.DataTitle))) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
                new TextBlock(T(nameof(PersonalDataText.DataLinkIntro))),
                new TextBlock(T(nameof(PersonalDataText.DataAnonymousNote))),
                new TextBlock(string.Format(culture, T(nameof(PersonalDataText.DataLinkExpiry)), (int)PersonalDataLinks.Lifetime.TotalMinutes)) { IsSubtle = true },
            ],
            [new OpenUrlAction(T(nameof(PersonalDataText.DataLinkButton)), link)]);
    }
}
