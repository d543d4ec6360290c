using System.Globalization;
using KindnessBot.Bot.Cards;

namespace KindnessBot.Bot.PersonalData;

/// <summary>
/// "delete my data": what will be erased and what stays, and the two buttons. *Yes* carries a signed confirmation
/// (this tenant, this person, issued now, good for fifteen minutes); the person who is erased is always the one who
/// presses it, never whoever the card names.
/// </summary>
internal static class ConfirmEraseCard
{
    public static AdaptiveCard Build(string confirmation, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        return new AdaptiveCard(
            [
                new TextBlock(T(nameof(PersonalDataText.EraseTitle))) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
                new TextBlock(T(nameof(PersonalDataText.EraseIntro))),
                new TextBlock(T(nameof(PersonalDataText.EraseWhatGoes))),
                new TextBlock(T(nameof(PersonalDataText.EraseWhatStays))) { Weight = TextWeight.Bolder },
                new TextBlock(T(nameof(PersonalDataText.EraseGivenStays))),
                new TextBlock(T(nameof(PersonalDataText.EraseAnonymousStays))),
                new TextBlock(T(nameof(PersonalDataText.EraseRecordsStay))),
                new TextBlock(string.Format(culture, T(nameof(PersonalDataText.EraseExpiry)), (int)PersonalDataLinks.Lifetime.TotalMinutes)) { IsSubtle = true },
            ],
            [
                new SubmitAction(T(nameof(PersonalDataText.EraseYes)), new Dictionary<string, object> { ["verb"] = PersonalDataVerbs.Erase, ["confirmation"] = confirmation }),
                SubmitAction.ForVerb(T(nameof(PersonalDataText.EraseKeep)), PersonalDataVerbs.Keep),
            ]);
    }
}
